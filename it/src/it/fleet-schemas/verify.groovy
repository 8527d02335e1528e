import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert db.query("select obj_description('tenant_b.notes'::regclass)") == [['notes of tenant_b']]
assert db.exists('tenant_a.plccoach_version') && !db.exists('public.notes')
assert log =~ /(?m)^\[127\.0\.0\.1:\d+\/${db.name()} schema tenant_a\] \[INFO\] Applied 1\/1 001 \(notes per tenant\)/
assert log =~ /(?m)^\[INFO\] 127\.0\.0\.1:\d+\/${db.name()} schema tenant_b +001 -> 001 +1 +\d+ ms +success$/
db.drop()
