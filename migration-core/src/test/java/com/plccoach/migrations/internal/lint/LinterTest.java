package com.plccoach.migrations.internal.lint;

import static com.plccoach.migrations.internal.lint.Lints.chain;
import static com.plccoach.migrations.internal.lint.Lints.rulesOf;
import static com.plccoach.migrations.internal.lint.Lints.rulesOfNonTransactional;
import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.LintFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One rule per test group: a bad example, a good one, and the same bad one exempted with plccoach:allow. No database. */
class LinterTest {

    // ---------------------------------------------------------------- require-concurrent-index-creation

    @Test
    void an_index_on_an_existing_table_without_concurrently_is_reported() {
        assertThat(rulesOf("CREATE INDEX users_email_idx ON users (email);")).containsExactly("require-concurrent-index-creation");
    }

    @Test
    void an_index_built_concurrently_in_a_non_transactional_revision_passes() {
        assertThat(rulesOfNonTransactional("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);")).isEmpty();
    }

    @Test
    void an_index_on_a_table_the_same_revision_creates_passes() {
        assertThat(rulesOf("CREATE TABLE tags (id bigint, name text);\nCREATE UNIQUE INDEX tags_name_key ON tags (name);")).isEmpty();
    }

    @Test
    void an_allow_comment_on_the_line_before_exempts_the_statement() {
        assertThat(rulesOf("-- plccoach:allow require-concurrent-index-creation: users holds 40 rows\n"
                + "CREATE INDEX users_email_idx ON users (email);")).isEmpty();
    }

    @Test
    void an_allow_comment_above_a_justification_comment_still_counts() {
        assertThat(rulesOf("-- plccoach:allow require-concurrent-index-creation\n-- users holds 40 rows, the build is instant\n"
                + "CREATE INDEX users_email_idx ON users (email);")).isEmpty();
    }

    @Test
    void an_allow_comment_separated_by_a_blank_line_exempts_nothing() {
        assertThat(rulesOf("-- plccoach:allow require-concurrent-index-creation\n\nCREATE INDEX users_email_idx ON users (email);"))
                .containsExactly("require-concurrent-index-creation");
    }

    @Test
    void an_allow_comment_naming_another_rule_exempts_nothing() {
        assertThat(rulesOf("-- plccoach:allow ban-drop-table\nCREATE INDEX users_email_idx ON users (email);"))
                .containsExactly("require-concurrent-index-creation");
    }

    @Test
    void an_allow_comment_naming_no_rule_is_reported_with_its_line() {
        List<LintFinding> findings = chain().then("-- plccoach:allow require-concurrent-index\nSELECT 1;").findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("unknown-rule");
            assertThat(f.where()).isEqualTo("revisions/002.sql:6");
            assertThat(f.problem()).contains("`-- plccoach:allow require-concurrent-index` names no rule");
        });
    }

    // ---------------------------------------------------------------- ban-concurrent-index-creation-in-transaction

    @Test
    void a_concurrent_index_in_a_transactional_revision_is_reported() {
        assertThat(rulesOf("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);"))
                .containsExactly("ban-concurrent-index-creation-in-transaction");
    }

    @Test
    void a_concurrent_index_drop_in_a_transactional_revision_is_reported() {
        assertThat(rulesOf("DROP INDEX CONCURRENTLY users_email_idx;")).containsExactly("ban-concurrent-index-creation-in-transaction");
    }

    @Test
    void a_concurrent_index_in_a_transactional_revision_can_be_allowed() {
        assertThat(rulesOf("-- plccoach:allow ban-concurrent-index-creation-in-transaction\n"
                + "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);")).isEmpty();
    }

    // ---------------------------------------------------------------- adding-foreign-key-constraint

    @Test
    void a_foreign_key_added_without_not_valid_is_reported() {
        assertThat(rulesOf("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);"))
                .containsExactly("adding-foreign-key-constraint");
    }

    @Test
    void a_foreign_key_added_not_valid_and_validated_in_a_later_revision_passes() {
        Lints lints = chain().then("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;");
        assertThat(lints.rules()).isEmpty();
        assertThat(lints.transactionPerRevision().then("ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;").rules()).isEmpty();
    }

    @Test
    void a_foreign_key_without_not_valid_can_be_allowed() {
        assertThat(rulesOf("-- plccoach:allow adding-foreign-key-constraint\n"
                + "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);")).isEmpty();
    }

    // ---------------------------------------------------------------- constraint-missing-not-valid

    @Test
    void a_check_added_without_not_valid_is_reported() {
        assertThat(rulesOf("ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);"))
                .containsExactly("constraint-missing-not-valid");
    }

    @Test
    void a_check_added_not_valid_passes() {
        assertThat(rulesOf("ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;")).isEmpty();
    }

    @Test
    void a_check_without_not_valid_can_be_allowed() {
        assertThat(rulesOf("-- plccoach:allow constraint-missing-not-valid\n"
                + "ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);")).isEmpty();
    }

    // ---------------------------------------------------------------- adding-not-nullable-field

    @Test
    void set_not_null_without_a_validated_check_is_reported() {
        assertThat(rulesOf("ALTER TABLE users ALTER COLUMN email SET NOT NULL;")).containsExactly("adding-not-nullable-field");
    }

    @Test
    void set_not_null_after_a_check_validated_in_an_earlier_revision_passes() {
        assertThat(chain().transactionPerRevision()
                .then("ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;")
                .then("ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;")
                .then("ALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_email_not_null;")
                .rules()).isEmpty();
    }

    @Test
    void set_not_null_after_a_check_that_was_never_validated_is_reported() {
        assertThat(chain().then("ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;")
                .then("ALTER TABLE users ALTER COLUMN email SET NOT NULL;").rules()).containsExactly("adding-not-nullable-field");
    }

    @Test
    void set_not_null_can_be_allowed() {
        assertThat(rulesOf("-- plccoach:allow adding-not-nullable-field\nALTER TABLE users ALTER COLUMN email SET NOT NULL;")).isEmpty();
    }

    // ---------------------------------------------------------------- changing-column-type

    @Test
    void a_type_change_that_rewrites_is_reported_with_the_types() {
        List<LintFinding> findings = chain().then("ALTER TABLE users ALTER COLUMN age TYPE bigint;").findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("changing-column-type");
            assertThat(f.problem()).contains("users.age: integer to bigint is not binary compatible");
        });
    }

    @Test
    void varchar_to_text_or_to_a_larger_varchar_passes() {
        assertThat(rulesOf("ALTER TABLE users ALTER COLUMN email TYPE text;")).isEmpty();
        assertThat(rulesOf("ALTER TABLE users ALTER COLUMN email SET DATA TYPE character varying(200);")).isEmpty();
        assertThat(rulesOf("ALTER TABLE users ALTER COLUMN score TYPE numeric(14,2) USING score::numeric(14,2);")).isEmpty();
    }

    @Test
    void a_smaller_varchar_is_reported() {
        assertThat(rulesOf("ALTER TABLE users ALTER COLUMN email TYPE varchar(50);")).containsExactly("changing-column-type");
    }

    @Test
    void a_type_change_with_a_computing_using_clause_is_reported() {
        assertThat(rulesOf("ALTER TABLE users ALTER COLUMN name TYPE text USING upper(name);")).containsExactly("changing-column-type");
    }

    @Test
    void a_type_change_on_a_column_of_unknown_type_is_reported() {
        assertThat(rulesOf("ALTER TABLE accounts ALTER COLUMN name TYPE text;")).containsExactly("changing-column-type");
    }

    @Test
    void a_rewriting_type_change_can_be_allowed() {
        assertThat(rulesOf("-- plccoach:allow changing-column-type\nALTER TABLE users ALTER COLUMN age TYPE bigint;")).isEmpty();
    }

    // ---------------------------------------------------------------- adding-field-with-default

    @Test
    void a_column_with_a_volatile_default_is_reported() {
        assertThat(rulesOf("ALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();"))
                .containsExactly("adding-field-with-default");
    }

    @Test
    void serial_identity_and_stored_generated_columns_are_reported() {
        assertThat(rulesOf("ALTER TABLE orders ADD COLUMN seq bigserial;")).containsExactly("adding-field-with-default");
        assertThat(rulesOf("ALTER TABLE orders ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;"))
                .containsExactly("adding-field-with-default");
        assertThat(rulesOf("ALTER TABLE orders ADD COLUMN cents bigint GENERATED ALWAYS AS (total * 100) STORED;"))
                .containsExactly("adding-field-with-default");
    }

    @Test
    void a_column_with_a_constant_or_stable_default_passes() {
        assertThat(rulesOf("ALTER TABLE users ADD COLUMN role text NOT NULL DEFAULT 'teacher';\n"
                + "ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();\n"
                + "ALTER TABLE users ADD COLUMN prefs jsonb NOT NULL DEFAULT '{}'::jsonb;\n"
                + "ALTER TABLE users ADD COLUMN nickname varchar(20) DEFAULT 'x'::varchar(20);")).isEmpty();
    }

    @Test
    void a_default_calling_an_unknown_function_is_reported_as_maybe_volatile() {
        List<LintFinding> findings = chain().then("ALTER TABLE users ADD COLUMN code text DEFAULT make_code();").findings();
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.problem())
                .contains("calls make_code(), which the lint cannot prove is not volatile"));
    }

    @Test
    void a_volatile_default_can_be_allowed() {
        assertThat(rulesOf("-- plccoach:allow adding-field-with-default\n"
                + "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();")).isEmpty();
    }

    // ---------------------------------------------------------------- renaming-column, renaming-table

    @Test
    void renaming_a_column_or_a_table_is_reported() {
        assertThat(rulesOf("ALTER TABLE users RENAME COLUMN name TO full_name;")).containsExactly("renaming-column");
        assertThat(rulesOf("ALTER TABLE users RENAME TO members;")).containsExactly("renaming-table");
    }

    @Test
    void renaming_a_constraint_or_a_table_the_revision_created_passes() {
        assertThat(rulesOf("ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_id_pkey;")).isEmpty();
        assertThat(rulesOf("CREATE TABLE tmp_tags (id int);\nALTER TABLE tmp_tags RENAME TO tags;")).isEmpty();
    }

    @Test
    void a_rename_can_be_allowed() {
        assertThat(rulesOf("-- plccoach:allow renaming-column: no release reads name yet\n"
                + "ALTER TABLE users RENAME COLUMN name TO full_name;")).isEmpty();
    }

    // ---------------------------------------------------------------- ban-drop-column, ban-drop-table

    @Test
    void dropping_a_column_or_a_table_is_reported() {
        assertThat(rulesOf("ALTER TABLE users DROP COLUMN age;")).containsExactly("ban-drop-column");
        assertThat(rulesOf("DROP TABLE IF EXISTS orders CASCADE;")).containsExactly("ban-drop-table");
    }

    @Test
    void dropping_a_constraint_or_a_table_the_revision_created_passes() {
        assertThat(rulesOf("ALTER TABLE users DROP CONSTRAINT users_age_check;")).isEmpty();
        assertThat(rulesOf("CREATE TABLE scratch (id int);\nDROP TABLE scratch;")).isEmpty();
    }

    @Test
    void a_drop_can_be_allowed() {
        assertThat(rulesOf("-- plccoach:allow ban-drop-column: unused since release 2.3\nALTER TABLE users DROP COLUMN age;"))
                .isEmpty();
    }

    // ---------------------------------------------------------------- disallowed-unique-constraint

    @Test
    void a_unique_constraint_that_builds_its_index_is_reported() {
        assertThat(rulesOf("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);"))
                .containsExactly("disallowed-unique-constraint");
    }

    @Test
    void a_unique_constraint_using_an_index_built_concurrently_passes() {
        assertThat(rulesOf("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;")).isEmpty();
    }

    @Test
    void a_unique_constraint_can_be_allowed() {
        assertThat(rulesOf("-- plccoach:allow disallowed-unique-constraint\n"
                + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);")).isEmpty();
    }

    // ---------------------------------------------------------------- backfill-in-transaction

    @Test
    void a_backfill_in_a_transactional_revision_is_reported() {
        assertThat(rulesOf("UPDATE users SET score = 0 WHERE score IS NULL;")).containsExactly("backfill-in-transaction");
        assertThat(rulesOf("DELETE FROM orders WHERE total = 0;")).containsExactly("backfill-in-transaction");
        assertThat(rulesOf("INSERT INTO orders (id, user_id) SELECT id, id FROM users;")).containsExactly("backfill-in-transaction");
    }

    @Test
    void a_backfill_in_a_non_transactional_revision_or_of_a_new_table_passes() {
        assertThat(rulesOfNonTransactional("UPDATE users SET score = 0 WHERE id IN (SELECT id FROM users WHERE score IS NULL"
                + " LIMIT 10000);")).isEmpty();
        assertThat(rulesOf("CREATE TABLE roles (name text);\nINSERT INTO roles SELECT DISTINCT name FROM users;")).isEmpty();
        assertThat(rulesOf("INSERT INTO orders (id, user_id) VALUES (1, 1);")).isEmpty();
    }

    @Test
    void a_backfill_can_be_allowed() {
        assertThat(rulesOf("-- plccoach:allow backfill-in-transaction: 12 rows\nUPDATE users SET score = 0;")).isEmpty();
    }

    // ---------------------------------------------------------------- lock-held-during-long-work

    @Test
    void a_backfill_after_an_access_exclusive_lock_in_the_same_transaction_is_reported() {
        List<LintFinding> findings = chain().then("ALTER TABLE users ADD COLUMN level int;\nUPDATE users SET level = 1;").findings();
        assertThat(findings).extracting(LintFinding::rule).containsExactly("backfill-in-transaction", "lock-held-during-long-work");
        assertThat(findings.get(1).line()).isEqualTo(7);
        assertThat(findings.get(1).problem()).isEqualTo("the UPDATE of users runs while the ACCESS EXCLUSIVE lock on users taken at"
                + " line 6 is held: users is blocked until the transaction commits");
    }

    @Test
    void validating_in_the_transaction_that_added_the_constraint_is_reported() {
        assertThat(rulesOf("ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;\n"
                + "ALTER TABLE users VALIDATE CONSTRAINT users_age_check;")).containsExactly("lock-held-during-long-work");
    }

    @Test
    void a_lock_of_an_earlier_revision_counts_when_the_run_shares_one_transaction() {
        Lints lints = chain().then("ALTER TABLE users ADD COLUMN level int;").then("CREATE INDEX orders_user_idx ON orders (user_id);");
        assertThat(lints.findings()).extracting(LintFinding::rule)
                .containsExactly("require-concurrent-index-creation", "lock-held-during-long-work");
        assertThat(lints.findings().get(1).problem()).contains("taken at line 6 of revision 002");
    }

    @Test
    void a_lock_of_an_earlier_revision_does_not_count_with_a_transaction_per_revision() {
        assertThat(chain().transactionPerRevision().then("ALTER TABLE users ADD COLUMN level int;")
                .then("ALTER TABLE users VALIDATE CONSTRAINT users_age_check;").rules()).isEmpty();
    }

    @Test
    void long_work_in_a_non_transactional_revision_holds_no_earlier_lock() {
        assertThat(rulesOfNonTransactional("ALTER TABLE users ADD COLUMN level int;\n"
                + "ALTER TABLE users VALIDATE CONSTRAINT users_age_check;")).isEmpty();
    }

    @Test
    void a_held_lock_can_be_allowed_at_the_long_work() {
        assertThat(rulesOf("ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;\n"
                + "-- plccoach:allow lock-held-during-long-work: users holds 40 rows\n"
                + "ALTER TABLE users VALIDATE CONSTRAINT users_age_check;")).isEmpty();
    }

    // ---------------------------------------------------------------- the finding itself

    @Test
    void a_finding_names_rule_file_line_revision_and_the_safer_form() {
        LintFinding finding = chain().then("SELECT 1;\n\n-- why\nCREATE INDEX users_email_idx\n  ON users (email);").findings().get(0);
        assertThat(finding.toString()).isEqualTo("revisions/002.sql:9: require-concurrent-index-creation (revision 002): CREATE INDEX"
                + " without CONCURRENTLY takes a SHARE lock: every INSERT, UPDATE and DELETE on the table waits for the whole build."
                + " Safer: CREATE INDEX CONCURRENTLY in a revision of its own with `-- transactional: false` (or exempt it with"
                + " `-- plccoach:allow require-concurrent-index-creation` on the line before, saying why)");
        assertThat(finding.table()).isEqualTo("users");
    }

    @Test
    void only_the_selected_revisions_are_reported() {
        assertThat(chain().then("DROP TABLE orders;").then("SELECT 1;").rules()).isEmpty();
    }

    @Test
    void quoted_and_schema_qualified_names_are_the_same_table() {
        assertThat(rulesOf("CREATE TABLE \"Tags\" (id int);\nCREATE INDEX tags_idx ON public.\"Tags\" (id);")).isEmpty();
        assertThat(rulesOf("CREATE INDEX users_idx ON \"Users\" (id);")).containsExactly("require-concurrent-index-creation");
    }
}
