package com.plccoach.migrations.internal.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE INDEX CONCURRENTLY i ON t (a)|CREATE INDEX CONCURRENTLY",
            "create unique index\t  concurrently i on t (a)|CREATE INDEX CONCURRENTLY",
            "DROP INDEX CONCURRENTLY i|DROP INDEX CONCURRENTLY",
            "REINDEX (VERBOSE) TABLE CONCURRENTLY t|REINDEX CONCURRENTLY",
            "REINDEX DATABASE app|REINDEX DATABASE/SYSTEM",
            "VACUUM (ANALYZE) t|VACUUM",
            "ALTER SYSTEM SET work_mem = '64MB'|ALTER SYSTEM",
            "CREATE DATABASE other|CREATE/DROP DATABASE",
            "DROP DATABASE other|CREATE/DROP DATABASE",
            "ALTER DATABASE app SET TABLESPACE fast|ALTER DATABASE ... SET TABLESPACE",
            "CREATE TABLESPACE fast LOCATION '/ssd'|CREATE/DROP TABLESPACE",
            "CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p|CREATE/DROP SUBSCRIPTION",
            "CLUSTER|CLUSTER without a table",
            "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY|ALTER TABLE ... DETACH PARTITION CONCURRENTLY"})
    void statements_postgres_refuses_in_a_transaction_block_are_recognised(String sql, String kind) {
        assertThat(StatementRules.refusedInTransaction(new SqlStatement(sql, 1))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DROP INDEX CONCURRENTLY i", "REINDEX TABLE CONCURRENTLY t", "VACUUM FULL t", "CLUSTER",
            "DROP TABLESPACE fast", "DROP SUBSCRIPTION s", "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY"})
    void what_cannot_run_in_a_transaction_but_keeps_every_row_may_run_unwatched(String sql) {
        assertThat(StatementRules.keepsRowsOutsideTransaction(new SqlStatement(sql, 1))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DROP DATABASE other", "DROP TABLE t", "DO $$ BEGIN DROP TABLE t; COMMIT; END $$", "CALL purge()"})
    void nothing_else_is_known_to_keep_every_row_outside_a_transaction(String sql) {
        assertThat(StatementRules.keepsRowsOutsideTransaction(new SqlStatement(sql, 1))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE INDEX i ON t (a)", "ALTER TYPE mood ADD VALUE 'meh'", "CLUSTER t USING i",
            "ALTER DATABASE app SET search_path = app", "SELECT 'VACUUM'", "ANALYZE t", "CREATE TABLE concurrently (id int)"})
    void statements_that_run_in_a_transaction_are_not_flagged(String sql) {
        assertThat(StatementRules.refusedInTransaction(new SqlStatement(sql, 1))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "commit", "ROLLBACK", "END", "START TRANSACTION ISOLATION LEVEL SERIALIZABLE", "SAVEPOINT s"})
    void transaction_control_is_recognised(String sql) {
        assertThat(StatementRules.controlsTransaction(new SqlStatement(sql, 1))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT 1; END", "SELECT 'COMMIT'", "BEGINNING_TABLE_SCAN()"})
    void other_statements_are_not_transaction_control(String sql) {
        assertThat(StatementRules.controlsTransaction(new SqlStatement(sql, 1))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE t (id int)", "create index i on t (a)", "INSERT INTO t VALUES (1)",
            "ALTER TABLE t ADD COLUMN note text", "COMMENT ON TABLE t IS 'x'", "GRANT SELECT ON t TO r",
            "-- why\nCREATE VIEW v AS SELECT 1", "ALTER TABLE t RENAME COLUMN a TO b"})
    void statements_that_can_only_add_need_no_watching(String sql) {
        assertThat(StatementRules.canDestroyData(new SqlStatement(sql, 1))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DROP TABLE t", "TRUNCATE t", "DELETE FROM t", "ALTER TABLE t DROP COLUMN a",
            "ALTER TABLE t ALTER COLUMN a TYPE bigint USING a::bigint", "DO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$",
            "SELECT purge_all()", "CALL purge()", "UPDATE t SET a = 1", "INSERT INTO t SELECT * FROM purge() RETURNING *",
            "CREATE OR REPLACE RULE r AS ON INSERT TO t DO INSTEAD NOTHING", "ALTER TABLE p DETACH PARTITION p1"})
    void statements_that_can_destroy_data_are_watched(String sql) {
        assertThat(StatementRules.canDestroyData(new SqlStatement(sql, 1))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"DELETE FROM t|t", "delete from public.messages|public.messages", "DELETE FROM ONLY t *|t",
            "DELETE FROM s.t x RETURNING (SELECT 1 WHERE true)|s.t", "DELETE FROM t USING u|t",
            "DELETE FROM t AS x USING u, v RETURNING x.id|t"})
    void a_delete_without_where_names_the_table_it_empties(String sql, String table) {
        assertThat(StatementRules.unfilteredDeleteTarget(new SqlStatement(sql, 1))).contains(table);
    }

    @Test
    void a_delete_without_where_of_a_quoted_table_after_a_comment_names_it_as_written() {
        String sql = "-- clear it\nDELETE FROM \"Odd \"\"Name\"\"\" AS o RETURNING o.id";

        assertThat(StatementRules.unfilteredDeleteTarget(new SqlStatement(sql, 1))).contains("\"Odd \"\"Name\"\"\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE FROM t WHERE id = 1", "DELETE FROM t AS x WHERE x.id > 0", "DELETE FROM t USING u WHERE t.id = u.id",
            "WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d", "TRUNCATE t", "DROP TABLE t",
            "DO $$ BEGIN DELETE FROM t; END $$"})
    void a_delete_with_a_filter_and_any_other_statement_is_no_unfiltered_delete(String sql) {
        assertThat(StatementRules.unfilteredDeleteTarget(new SqlStatement(sql, 1))).isEmpty();
    }
}
