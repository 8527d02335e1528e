package com.plccoach.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.LintFinding;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/big-tables.md says what each rule reports: every "-- bad" example there, written as the next
 * revision after PLC Coach's, is reported under its section's rule, and no "-- good" one is.
 */
class BigTablesDocTest {

    private static final Path DOC = Path.of("../docs/big-tables.md");
    private static final Pattern SECTION = Pattern.compile("(?m)^### ([a-z-]+)\\n");
    private static final Pattern BLOCK = Pattern.compile("(?s)```sql\\n(-- (bad|good)[^\\n]*\\n.*?)```");

    @Test
    void every_bad_example_breaks_its_rule_and_no_good_one_does(@TempDir Path dir) throws IOException {
        String doc = Files.readString(DOC);
        List<String> checked = new ArrayList<>();
        Matcher section = SECTION.matcher(doc);
        List<int[]> bounds = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        while (section.find()) {
            bounds.add(new int[] {section.end(), doc.length()});
            rules.add(section.group(1));
            if (bounds.size() > 1) {
                bounds.get(bounds.size() - 2)[1] = section.start();
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            Matcher block = BLOCK.matcher(doc.substring(bounds.get(i)[0], bounds.get(i)[1]));
            while (block.find()) {
                String rule = rules.get(i);
                List<String> found = lint(dir.resolve(rule + "-" + checked.size()), block.group(1));
                if (block.group(2).equals("bad")) {
                    assertThat(found).as("bad example of " + rule + ":\n" + block.group(1)).contains(rule);
                } else {
                    assertThat(found).as("good example of " + rule + ":\n" + block.group(1)).doesNotContain(rule);
                }
                checked.add(rule + " " + block.group(2));
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(26);
    }

    private static List<String> lint(Path scripts, String example) throws IOException {
        Files.createDirectories(scripts);
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/revisions"))) {
            for (Path file : files.toList()) {
                Files.copy(file, scripts.resolve(file.getFileName()));
            }
        }
        String header = example.contains("transactional: false") ? "-- transactional: false\n" : "";
        Path file = scripts.resolve("20251201_0000_006_example.sql");
        Files.writeString(file, "-- revision: 006\n-- down_revision: 005\n-- message: example\n" + header + "\n"
                + example.replace("${batch_size}", "10000") + "\n-- //@UNDO\n\nSELECT 1;\n");
        Migrator migrator = Migrator.builder().scripts(ScriptSource.directory(scripts)).transactionPerRevision(true).build();
        return migrator.lint(List.of(file)).stream().map(LintFinding::rule).toList();
    }
}
