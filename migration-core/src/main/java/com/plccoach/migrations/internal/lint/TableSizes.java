package com.plccoach.migrations.internal.lint;

import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.LintFinding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each finding its table's size and row estimate from the catalog (no table is read, so no
 * lock is taken), and drops the findings that are no hazard on this database: a table that does not
 * exist yet (an earlier pending revision creates it, so no running code uses it) and, for the rules
 * about lock time, an empty table.
 */
public final class TableSizes {

    private static final Logger LOG = LoggerFactory.getLogger(TableSizes.class);

    // a partitioned table holds nothing itself: its size and rows are its partitions'
    private static final String SIZE = """
            SELECT sum(pg_total_relation_size(r.oid)), sum(pg_relation_size(r.oid)),
                   sum(greatest(c.reltuples, 0)), bool_or(c.reltuples < 0 AND c.relkind = 'r')
              FROM (SELECT to_regclass(?) AS oid) t,
                   LATERAL (SELECT t.oid UNION SELECT relid FROM pg_partition_tree(t.oid)) r (oid)
              JOIN pg_class c ON c.oid = r.oid""";

    private TableSizes() {
    }

    public static List<LintFinding> apply(Connection connection, List<LintFinding> findings) {
        List<LintFinding> kept = new ArrayList<>();
        try (PreparedStatement size = connection.prepareStatement(SIZE)) {
            for (LintFinding finding : findings) {
                if (finding.table() == null) {
                    kept.add(finding);
                    continue;
                }
                size.setString(1, quoted(finding.table()));
                try (ResultSet rs = size.executeQuery()) {
                    rs.next();
                    if (rs.getObject(1) == null) {
                        LOG.debug("lint: {} does not exist yet, so {} is no hazard here", finding.table(), finding.rule());
                        continue;
                    }
                    long bytes = rs.getLong(1);
                    long heapBytes = rs.getLong(2);
                    long rows = rs.getLong(3);
                    boolean neverAnalysed = rs.getBoolean(4);
                    boolean empty = heapBytes == 0 || (rows == 0 && !neverAnalysed);
                    boolean sizeMatters = LintRule.named(finding.rule()).map(LintRule::sizeMatters).orElse(false);
                    if (empty && sizeMatters) {
                        LOG.debug("lint: {} is empty, so {} is no hazard here", finding.table(), finding.rule());
                        continue;
                    }
                    kept.add(finding.withSize(bytes, neverAnalysed ? -1 : rows));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot read the size of the tables the lint names from pg_class: "
                    + e.getMessage() + ". Check that the user may read the catalog.", e);
        }
        return kept;
    }

    private static String quoted(String canonicalName) {
        return Stream.of(canonicalName.split("\\.", 2)).map(p -> "\"" + p.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining("."));
    }
}
