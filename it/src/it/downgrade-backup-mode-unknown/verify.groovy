def log = new File(basedir, 'build.log').text
assert log.contains("for parameter backup: ") && log.contains("Unknown backup mode 'fast': use full, affected or none")
