def log = new File(basedir, "build.log").text
def lines = log.readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
def m4 = lines.findIndexOf { it.contains(' m4 ') }
def first = lines.findIndexOf { it.contains(' 001 ') }
assert m4 >= 0 && first > m4
assert lines[m4].startsWith('*')
assert lines.any { it.startsWith('|\\') }
assert lines.any { it.startsWith('|/') }
assert log.contains('5 revision(s)')
