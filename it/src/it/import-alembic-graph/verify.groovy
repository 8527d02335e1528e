import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
def dir = new File(basedir, 'src/main/resources/db/revisions')
assert dir.list().sort() == ['20251113_0100_001_initial_schema.sql', '20251114_0900_002_add_conversation_sharing.sql',
    '20251114_1000_003_usage_events_for_analytics.sql', '20251114_1100_004_shared_conversation_usage.sql',
    '20251115_0900_005_merge_sharing_and_analytics.sql', '20251116_0900_006_add_tool_message_role.sql']
assert new File(dir, '20251114_1000_003_usage_events_for_analytics.sql').text.startsWith('-- revision: 003\n-- down_revision: 001\n-- branch_labels: analytics\n')
assert new File(dir, '20251114_1100_004_shared_conversation_usage.sql').text.contains('-- depends_on: 002\n')
def tool = new File(dir, '20251116_0900_006_add_tool_message_role.sql').text
assert tool.contains('-- transactional: false\n') && tool.contains("ALTER TYPE message_role ADD VALUE 'tool';") && !tool.contains('COMMIT')
assert log.contains('Imported 6 Alembic revision(s): 6 file(s) written, 0 unchanged, 0 stub(s); alembic_version [006], 6 revision(s) recorded as applied')
assert log =~ /\*   002, 004 -> 005 \(mergepoint\), merge sharing and analytics/
assert log =~ /\| \* 001 -> 003 \(analytics\), usage events for analytics/
assert db.query('select operation, target from plccoach_history') == [['stamp', 'import-alembic 006']]
assert db.query('select version_num from alembic_version') == [['006']] : 'alembic_version is left for a team that goes back'
db.drop()
