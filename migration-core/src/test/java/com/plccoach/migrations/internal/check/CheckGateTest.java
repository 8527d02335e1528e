package com.plccoach.migrations.internal.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.CheckFailedException;
import com.plccoach.migrations.CheckOptions;
import com.plccoach.migrations.CheckReport;
import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.EnvironmentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckGateTest {

    private static final CheckReport PENDING = new CheckReport(List.of(), List.of(), List.of(), List.of("002"), List.of("001"), List.of("002"));

    @Test
    void pending_revisions_pass_unless_the_gate_fails_on_them() {
        assertThat(new CheckGate(new CheckOptions(false, false, false, false), Advice.MAVEN).enforce(PENDING, null, null).summary())
                .isEqualTo("Check passed: heads 002, applied 001; 1 revision(s) pending: 002");
    }

    @Test
    void fail_on_pending_fails_naming_the_pending_revisions_and_the_switch() {
        assertThatThrownBy(() -> new CheckGate(new CheckOptions(false, true, false, false), Advice.MAVEN).enforce(PENDING, null, null))
                .isInstanceOf(CheckFailedException.class)
                .hasMessage("1 revision(s) pending: 002. Apply them with `mvn plccoach:upgrade`, or drop plccoach.failOnPending");
    }

    @Test
    void several_heads_fail_before_any_schema_is_compared() {
        CheckReport twoHeads = new CheckReport(List.of(), List.of(), List.of(), List.of("a", "b"), List.of(), List.of());

        assertThatThrownBy(() -> new CheckGate(CheckOptions.defaults(), Advice.MAVEN).enforce(twoHeads, () -> {
            throw new AssertionError("drift must not be compared on a graph with problems");
        }, null)).isInstanceOf(CheckFailedException.class).hasMessageStartingWith("Check failed, 1 problem(s):\nthe graph has 2 heads (a, b)");
    }

    @Test
    void a_drift_comparison_the_user_may_not_run_says_how_to_turn_it_off() {
        assertThatThrownBy(() -> new CheckGate(CheckOptions.defaults(), Advice.MAVEN).enforce(PENDING, () -> {
            throw new DatabaseUnavailableException("permission denied to create database.");
        }, null)).isInstanceOf(EnvironmentException.class)
                .hasMessage("permission denied to create database. To check without comparing the live schema, add -Dplccoach.drift=false.");
    }

    @Test
    void a_failed_check_carries_its_report_with_the_comparisons_made() {
        assertThatThrownBy(() -> new CheckGate(new CheckOptions(false, true, false, false), Advice.MAVEN).enforce(PENDING, null, null))
                .isInstanceOfSatisfying(CheckFailedException.class, e -> assertThat(e.report().pending()).containsExactly("002"));
    }

    @Test
    void embedded_the_switch_is_named_as_the_check_option() {
        assertThatThrownBy(() -> new CheckGate(new CheckOptions(false, true, false, false), Advice.EMBEDDED).enforce(PENDING, null, null))
                .hasMessage("1 revision(s) pending: 002. Apply them with `migrator.upgrade(target)`, or drop CheckOptions.failOnPending");
    }
}
