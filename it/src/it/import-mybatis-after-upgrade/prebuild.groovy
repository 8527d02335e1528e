import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir).create()
// the database as MyBatis left it: two of three scripts applied
db.execute("""CREATE TABLE CHANGELOG (ID NUMERIC(20,0) PRIMARY KEY, APPLIED_AT VARCHAR(25) NOT NULL, DESCRIPTION VARCHAR(255) NOT NULL);
  INSERT INTO CHANGELOG VALUES (20250101000000, '2025-01-01 00:00:00', 'create changelog'), (20250102093000, '2025-01-02 09:30:00', 'create users');
  CREATE TABLE app_users (id bigint PRIMARY KEY, name text NOT NULL)""")
db.mavenConfig("-Dplccoach.url=" + db.url())
return true
