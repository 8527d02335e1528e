def log = new File(basedir, "build.log").text
assert log =~ /(?m)^\[INFO\] a3 +\(head\) +sessions$/
assert log =~ /(?m)^\[INFO\] b3 +\(head\) +conversations$/
assert log.contains('2 heads: merge them with `mvn plccoach:merge`')
