package com.plccoach.migrations.report;

import static com.plccoach.migrations.testing.RevisionFiles.revision;
import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.HtmlReport;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.RevisionFiles;
import com.plccoach.migrations.testing.TestDatabase;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The report page opened in a real headless browser: what a reader sees, not what the string holds. */
class HtmlReportBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Pattern NODE = Pattern.compile("<g class=\"revision (\\w+)\" data-revision=\"(\\w+)\"");

    @TempDir
    Path scripts;

    @TempDir
    Path work;

    private Migrator migrator;

    @BeforeEach
    void setUp() throws Exception {
        db.recreate();
        RevisionFiles files = RevisionFiles.in(scripts);
        files.write(revision("001", "base").message("users").up("CREATE TABLE users (id bigint PRIMARY KEY);").down("DROP TABLE users;"));
        files.write(revision("a2", "001").message("sessions").up("CREATE TABLE sessions (id bigint);").down("DROP TABLE sessions;"));
        files.write(revision("b2", "001").message("audit").up("CREATE TABLE audit (id bigint);").down("DROP TABLE audit;"));
        files.write(revision("m3", "a2, b2").message("merge").up("").down(""));
        files.write(revision("004", "m3").message("emails").up("ALTER TABLE users ADD COLUMN email text;")
                .down("ALTER TABLE users DROP COLUMN email;"));
        migrator = Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).backupDir(work.resolve("backups"))
                .build();
        migrator.upgrade("m3");
    }

    @Test
    void theBrowsersDomHasOneNodePerRevisionMarkedAppliedOrPending() throws Exception {
        Path page = migrator.report("head").writeTo(work.resolve("report.html")).file();

        String dom = new Chromium(Files.createDirectories(work.resolve("profile"))).dumpDom(page);

        Matcher nodes = NODE.matcher(dom);
        Set<String> seen = new HashSet<>();
        while (nodes.find()) {
            assertThat(nodes.group(1)).as("state of " + nodes.group(2)).isEqualTo(nodes.group(2).equals("004") ? "pending" : "applied");
            seen.add(nodes.group(2));
        }
        assertThat(seen).containsExactlyInAnyOrder("001", "a2", "b2", "m3", "004");
    }

    @Test
    void theScreenshotIsNotBlank() throws Exception {
        Path page = migrator.report("head").writeTo(Path.of("target", "plccoach-report-test", "report.html")).file();

        BufferedImage image = new Chromium(Files.createDirectories(work.resolve("profile"))).screenshot(page, page.resolveSibling("report.png"));

        int background = image.getRGB(image.getWidth() - 1, image.getHeight() - 1);
        long drawn = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                drawn += rgb != background ? 1 : 0;
            }
        }
        assertThat(drawn).as("pixels that differ from the background").isGreaterThan(2_000);
        assertThat(colours).as("distinct colours (text, green applied nodes, orange pending ones)").hasSizeGreaterThan(20);
    }

    @Test
    void thePageFetchesNothingAtViewTime() throws Exception {
        HtmlReport report = migrator.report("head");

        assertThat(report.html()).doesNotContain("http:", "https:", "<script", "<link", "<img", "@import", "url(");
    }

    @Test
    void thePageShowsTheRecentRunsAndThePlanToTheTarget() throws Exception {
        HtmlReport report = migrator.report("head");

        assertThat(report.runs()).isEqualTo(1);
        assertThat(report.html()).contains("upgrade to head: 1 revision(s), would run", "<rect class=\"run success\"");
    }
}
