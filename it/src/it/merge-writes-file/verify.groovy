def log = new File(basedir, "build.log").text
def dir = new File(basedir, 'src/main/resources/db/revisions')
def created = dir.listFiles().find { it.text.contains('-- down_revision: a3, b3') }
assert created != null : dir.list()
assert log.contains('wrote merge revision')
assert log.contains('1 head')
