def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'src/main/resources/db/revisions')
assert log.contains('Imported 2 Alembic revision(s): 2 file(s) written, 0 unchanged, 1 stub(s); no database configured, no state imported')
assert log.contains('[WARNING] Stub (Alembic could not render it offline; edit the file): b2 (alembic/versions/b2_backfill_display_names.py): upgrade() NeedsDatabase: op.get_bind() reads the database')
def stub = new File(dir, '20251120_0900_b2_backfill_display_names.sql').text
assert stub.contains('RAISE EXCEPTION') && !stub.readLines().contains('-- //@UNDO') : 'a stub is irreversible'
assert new File(dir, '20251119_0900_a1_create_teams.sql').text.contains('CREATE TABLE teams')
