package com.plccoach.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rules the schema enforces, on the schema at head; each test rolls back what it wrote. */
class SchemaConstraintsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private Connection c;

    @BeforeAll
    static void upgradeToHead() {
        Migrator.builder().url(db.url()).scripts(ScriptSource.classpath("db/revisions")).build().upgrade("head");
    }

    @BeforeEach
    void begin() throws SQLException {
        c = db.connect();
        c.setAutoCommit(false);
        exec("INSERT INTO users (id, email, role) VALUES ('00000000-0000-0000-0000-000000000001', 'Alice@School.org', 'coach')");
    }

    @AfterEach
    void rollback() throws SQLException {
        c.rollback();
        c.close();
    }

    @Test
    void email_is_unique_whatever_its_case() {
        assertThatThrownBy(() -> exec("INSERT INTO users (email) VALUES ('alice@school.org')"))
                .hasMessageContaining("duplicate key value violates unique constraint \"users_email_lower_key\"");
    }

    @Test
    void a_role_outside_teacher_coach_admin_is_refused() {
        assertThatThrownBy(() -> exec("INSERT INTO users (email, role) VALUES ('bob@school.org', 'student')"))
                .hasMessageContaining("violates check constraint \"users_role_check\"");
    }

    @Test
    void a_new_user_is_a_teacher() throws SQLException {
        exec("INSERT INTO users (email) VALUES ('bob@school.org')");
        assertThat(one("SELECT role FROM users WHERE email = 'bob@school.org'")).isEqualTo("teacher");
    }

    @Test
    void an_sso_identity_belongs_to_one_user() throws SQLException {
        exec("UPDATE users SET sso_provider = 'google', sso_subject = '42'");
        assertThatThrownBy(() -> exec("INSERT INTO users (email, sso_provider, sso_subject) VALUES ('b@s.org', 'google', '42')"))
                .hasMessageContaining("users_sso_provider_subject_key");
    }

    @Test
    void deleting_a_user_deletes_their_sessions_conversations_and_messages() throws SQLException {
        exec(conversationWithMessage());
        exec("INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ('00000000-0000-0000-0000-000000000001', "
                + "repeat('a', 64), now() + interval '1 day')");

        exec("DELETE FROM users");

        assertThat(one("SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM conversations) + (SELECT count(*) FROM messages)"))
                .isEqualTo("0");
    }

    @Test
    void feedback_outlives_the_user_who_gave_it() throws SQLException {
        exec(conversationWithMessage());
        exec("INSERT INTO users (id, email) VALUES ('00000000-0000-0000-0000-000000000002', 'rater@school.org')");
        exec("INSERT INTO message_feedback (message_id, user_id, rating) VALUES ('00000000-0000-0000-0000-0000000000a1', "
                + "'00000000-0000-0000-0000-000000000002', 1)");

        exec("DELETE FROM users WHERE email = 'rater@school.org'");

        assertThat(one("SELECT coalesce(user_id::text, 'null') || ' ' || rating FROM message_feedback")).isEqualTo("null 1");
    }

    @Test
    void citations_default_to_an_empty_json_array() throws SQLException {
        exec(conversationWithMessage());
        assertThat(one("SELECT citations::text FROM messages")).isEqualTo("[]");
    }

    @Test
    void a_shared_conversation_needs_a_share_token() {
        assertThatThrownBy(() -> exec("INSERT INTO conversations (user_id, visibility) "
                + "VALUES ('00000000-0000-0000-0000-000000000001', 'link')"))
                .hasMessageContaining("violates check constraint \"conversations_share_token_check\"");
    }

    @Test
    void an_embedding_must_have_1536_dimensions() throws SQLException {
        exec(conversationWithMessage());
        assertThatThrownBy(() -> exec("INSERT INTO message_embeddings (message_id, model, embedding) "
                + "VALUES ('00000000-0000-0000-0000-0000000000a1', 'm', '[1,2,3]')"))
                .hasMessageContaining("expected 1536 dimensions, not 3");
    }

    @Test
    void updating_a_message_moves_its_updated_at() throws SQLException {
        exec(conversationWithMessage());
        exec("UPDATE messages SET updated_at = '2000-01-01'");
        exec("UPDATE messages SET content = 'edited'");
        assertThat(one("SELECT updated_at > '2000-01-02' FROM messages")).isEqualTo("t");
    }

    @Test
    void monthly_usage_sums_the_tokens_of_the_month_against_the_quota() throws SQLException {
        exec(conversationWithMessage());
        exec("UPDATE messages SET prompt_tokens = 100, completion_tokens = 20, cost_usd = 0.5");
        exec("UPDATE users SET monthly_token_quota = 1000");
        assertThat(one("SELECT tokens_used || '/' || monthly_token_quota || ' ' || cost_usd FROM user_monthly_usage"))
                .isEqualTo("120/1000 0.500000");
    }

    private static String conversationWithMessage() {
        return "INSERT INTO conversations (id, user_id, title) VALUES ('00000000-0000-0000-0000-0000000000c1', "
                + "'00000000-0000-0000-0000-000000000001', 'PLC norms');"
                + "INSERT INTO messages (id, conversation_id, role, content) VALUES ('00000000-0000-0000-0000-0000000000a1', "
                + "'00000000-0000-0000-0000-0000000000c1', 'user', 'How do we set norms?')";
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT step");
            try {
                s.execute(sql);
                s.execute("RELEASE SAVEPOINT step");
            } catch (SQLException e) {
                s.execute("ROLLBACK TO SAVEPOINT step");
                throw e;
            }
        }
    }

    private String one(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
