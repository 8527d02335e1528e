def log = new File(basedir, "build.log").text
def dir = new File(basedir, 'src/main/resources/db/revisions')
def created = dir.listFiles().find { it.name.endsWith('_add_sharing.sql') }
assert created != null : dir.list()
assert created.name ==~ /\d{8}_\d{4}_[0-9a-f]{12}_add_sharing\.sql/
assert created.text.contains('-- down_revision: 002')
assert created.text.contains('-- message: add sharing')
assert log.contains('wrote revision')
