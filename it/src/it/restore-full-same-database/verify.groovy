import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
assert new File(basedir, 'target/backups/' + db.name()).list().any { it.endsWith('_downgrade_to_001.dump') }
assert db.query('select count(*), min(id), max(id), count(distinct team_id) from big') == [['1000', '1', '1000', '1']]
assert db.query("select string_agg(id, ',' order by id) from plccoach_version") == [['001,002']]
assert db.query("select operation, outcome, array_to_string(revisions, ',') from plccoach_history order by id desc limit 1") == [['restore', 'success', '001,002']]
assert db.exists('big_note')
db.drop()
