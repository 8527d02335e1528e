import com.plccoach.migrations.it.ItDatabase
def source = ItDatabase.of(basedir)
def empty = ItDatabase.of(new File(basedir, 'empty'))
assert !source.exists('big') && !source.exists('teams')
assert empty.query('select count(*), count(distinct team_id) from big') == [['1000', '1']]
assert empty.query("select string_agg(id, ',' order by id) from plccoach_version") == [['001,002']]
assert empty.query("select operation, outcome from plccoach_history order by id desc limit 1") == [['restore', 'success']]
source.drop()
empty.drop()
