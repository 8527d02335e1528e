package com.plccoach.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.LintFinding;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock-hazard lint over PLC Coach's real revisions (the seed's initial schema first) and over a
 * dozen realistic next revisions (src/test/resources/lint/next), some written the safe way and some
 * not. No database: every revision counts as pending, and no table's size is known.
 */
class SchemaLintTest {

    private static final Path REVISIONS = Path.of("src/main/resources/db/revisions");

    @Test
    void plc_coach_revisions_pass_the_lint_with_their_one_justified_allow() {
        Migrator migrator = Migrator.builder().scripts(ScriptSource.directory(REVISIONS)).build();

        assertThat(migrator.lint()).isEmpty();
    }

    @Test
    void the_realistic_next_revisions_are_reported_rule_by_rule(@TempDir Path dir) throws IOException {
        copy(REVISIONS, dir);
        copy(Path.of("src/test/resources/lint/next"), dir);
        Migrator migrator = Migrator.builder().scripts(ScriptSource.directory(dir)).build();

        Map<String, List<String>> rulesByRevision = migrator.lint().stream().collect(Collectors.groupingBy(
                LintFinding::revision, TreeMap::new, Collectors.mapping(LintFinding::rule, Collectors.toList())));

        // one transaction per run (the default): a lock taken by one revision is held through the next ones' long work
        assertThat(rulesByRevision).containsExactly(
                Map.entry("007", List.of("require-concurrent-index-creation", "lock-held-during-long-work")),
                Map.entry("011", List.of("backfill-in-transaction", "lock-held-during-long-work")),
                Map.entry("012", List.of("adding-not-nullable-field", "lock-held-during-long-work")),
                Map.entry("013", List.of("renaming-column")),
                Map.entry("014", List.of("changing-column-type", "lock-held-during-long-work")),
                Map.entry("016", List.of("adding-field-with-default", "lock-held-during-long-work")));
    }

    @Test
    void with_a_transaction_per_revision_only_the_hazards_of_each_revision_remain(@TempDir Path dir) throws IOException {
        copy(REVISIONS, dir);
        copy(Path.of("src/test/resources/lint/next"), dir);
        Migrator migrator = Migrator.builder().scripts(ScriptSource.directory(dir)).transactionPerRevision(true).build();

        assertThat(migrator.lint()).extracting(f -> f.revision() + " " + f.rule()).containsExactly(
                "007 require-concurrent-index-creation", "011 backfill-in-transaction", "011 lock-held-during-long-work",
                "012 adding-not-nullable-field", "013 renaming-column", "014 changing-column-type",
                "016 adding-field-with-default");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
