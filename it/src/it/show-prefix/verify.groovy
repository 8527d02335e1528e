def log = new File(basedir, "build.log").text
assert log =~ /(?m)^\[INFO\] Revision: +m4$/
assert log =~ /(?m)^\[INFO\] Parents: +a3, b3$/
