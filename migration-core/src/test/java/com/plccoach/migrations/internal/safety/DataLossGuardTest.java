package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.Advice;
import static com.plccoach.migrations.internal.safety.Plans.exec;
import static com.plccoach.migrations.internal.safety.Plans.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DataLossGuardTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private Connection connection;

    @BeforeEach
    void tables() throws SQLException {
        db.recreate();
        connection = db.connect();
        exec(connection, "CREATE TABLE orders (id int PRIMARY KEY, coupon text, memo text)",
                "INSERT INTO orders SELECT g, CASE WHEN g <= 3 THEN 'c' END, NULL FROM generate_series(1, 12) g",
                "CREATE TABLE empty_log (id int)");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private PlanReport analyse(String... statements) {
        return new ImpactAnalyzer().analyse(connection, Direction.DOWNGRADE, "001", List.of(revision("002", statements)));
    }

    @Test
    void a_plan_dropping_a_table_with_rows_is_refused_naming_it_its_rows_and_the_switch() {
        PlanReport report = analyse("DROP TABLE orders");

        assertThatThrownBy(() -> new DataLossGuard(false, Advice.MAVEN).check(report))
                .isInstanceOf(DataLossException.class)
                .hasMessage("Refused: the downgrade to 001 would destroy data: table public.orders (12 row(s)) dropped by revision 002 "
                        + "(002.sql line 3). Nothing was changed. Save what you need, then run again with -Dplccoach.allowDataLoss=true "
                        + "to accept the loss.");
    }

    @Test
    void a_plan_dropping_a_column_with_values_is_refused_naming_it_and_its_values() {
        PlanReport report = analyse("ALTER TABLE orders DROP COLUMN coupon");

        assertThatThrownBy(() -> new DataLossGuard(false, Advice.MAVEN).check(report))
                .isInstanceOf(DataLossException.class)
                .hasMessageContaining("column public.orders.coupon (3 non-null value(s)) dropped by revision 002 (002.sql line 3)")
                .hasMessageContaining("-Dplccoach.allowDataLoss=true");
    }

    @Test
    void a_plan_truncating_a_table_with_rows_is_refused() {
        PlanReport report = analyse("TRUNCATE orders");

        assertThatThrownBy(() -> new DataLossGuard(false, Advice.MAVEN).check(report))
                .isInstanceOf(DataLossException.class)
                .hasMessageContaining("table public.orders (12 row(s)) truncated by revision 002");
    }

    @Test
    void every_object_with_data_is_named_in_one_refusal() {
        PlanReport report = analyse("ALTER TABLE orders DROP COLUMN coupon", "DROP TABLE orders");

        assertThatThrownBy(() -> new DataLossGuard(false, Advice.MAVEN).check(report))
                .hasMessageContaining("column public.orders.coupon (3 non-null value(s))")
                .hasMessageContaining("table public.orders (12 row(s))");
    }

    @Test
    void dropping_an_empty_table_and_a_column_without_values_passes() {
        PlanReport report = analyse("ALTER TABLE orders DROP COLUMN memo", "DROP TABLE empty_log");

        assertThatCode(() -> new DataLossGuard(false, Advice.MAVEN).check(report)).doesNotThrowAnyException();
        assertThat(new DataLossGuard(false, Advice.MAVEN).judge(report).refused()).isFalse();
    }

    @Test
    void allow_data_loss_lets_a_plan_with_data_pass() {
        PlanReport report = analyse("DROP TABLE orders");

        assertThatCode(() -> new DataLossGuard(true, Advice.MAVEN).check(report)).doesNotThrowAnyException();
    }

    @Test
    void the_judged_report_says_it_would_be_refused() {
        PlanReport report = new DataLossGuard(false, Advice.MAVEN).judge(analyse("DROP TABLE orders"));

        assertThat(report.render()).contains("Verdict: REFUSED: the downgrade to 001 would destroy data: table public.orders (12 row(s))");
    }
}
