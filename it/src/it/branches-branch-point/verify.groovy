def log = new File(basedir, "build.log").text
assert log =~ /(?m)^\[INFO\] 002 +create messages$/
assert log.contains('1 branch point(s)')
