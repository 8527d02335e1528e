def log = new File(basedir, "build.log").text
def lines = log.readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
def m4 = lines.findIndexOf { it.contains('a3, b3 -> m4 (head) (mergepoint), merge sessions and conversations') }
def first = lines.findIndexOf { it.contains('<base> -> 001') }
assert m4 >= 0 && first > m4
assert lines[m4].startsWith('*')
assert lines.any { it ==~ /\|\\\s*/ } : 'a merge opens a lane'
assert lines.any { it ==~ /\|\/\s*/ } : 'a branch point closes it'
assert log.contains('5 revision(s), 1 head(s)')
