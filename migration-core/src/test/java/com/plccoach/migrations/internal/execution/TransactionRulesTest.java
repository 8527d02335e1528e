package com.plccoach.migrations.internal.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.internal.script.SqlStatement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionRulesTest {

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
        assertThat(TransactionRules.refusedInTransaction(new SqlStatement(sql, 1))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE INDEX i ON t (a)", "ALTER TYPE mood ADD VALUE 'meh'", "CLUSTER t USING i",
            "ALTER DATABASE app SET search_path = app", "SELECT 'VACUUM'", "ANALYZE t", "CREATE TABLE concurrently (id int)"})
    void statements_that_run_in_a_transaction_are_not_flagged(String sql) {
        assertThat(TransactionRules.refusedInTransaction(new SqlStatement(sql, 1))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "commit", "ROLLBACK", "END", "START TRANSACTION ISOLATION LEVEL SERIALIZABLE", "SAVEPOINT s"})
    void transaction_control_is_recognised(String sql) {
        assertThat(TransactionRules.controlsTransaction(new SqlStatement(sql, 1))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT 1; END", "SELECT 'COMMIT'", "BEGINNING_TABLE_SCAN()"})
    void other_statements_are_not_transaction_control(String sql) {
        assertThat(TransactionRules.controlsTransaction(new SqlStatement(sql, 1))).isFalse();
    }
}
