import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir).create()
db.mavenConfig("-Dplccoach.url=" + db.url())
// 500 revisions, each a table with a longish name, so a list of them in one line would run to kilobytes
def dir = new File(basedir, 'src/main/resources/db/revisions')
dir.mkdirs()
(1..500).each { i ->
    def id = String.format('%03d', i)
    def parent = i == 1 ? 'base' : String.format('%03d', i - 1)
    new File(dir, "r${id}_create_table.sql").text = """-- revision: ${id}
-- down_revision: ${parent}
-- message: create customer_orders_archive_${id}

CREATE TABLE customer_orders_archive_${id} (id bigint PRIMARY KEY, note text);
INSERT INTO customer_orders_archive_${id} VALUES (1, 'kept in the backup');

-- //@UNDO

DROP TABLE customer_orders_archive_${id};
"""
}
return true
