package com.plccoach.migrations.internal.alembic;

import java.util.List;

/**
 * One Alembic revision as Alembic itself read and rendered it.
 *
 * @param parents      {@code down_revision}, empty for a root, two or more for a merge
 * @param branchLabels the labels this revision declares (not those it inherits)
 * @param dependsOn    {@code depends_on}, resolved to revision ids by Alembic
 * @param createDate   {@code yyyy-MM-dd HH:mm:ss} from the docstring's {@code Create Date}, or null
 * @param path         the revision's .py file, relative to the directory of alembic.ini
 * @param upSql        the SQL of {@code upgrade()} in offline mode, or null when it could not be rendered
 * @param upError      why {@code upgrade()} could not be rendered, or null
 * @param downSql      the SQL of {@code downgrade()}, or null when it could not be rendered
 * @param downError    why {@code downgrade()} could not be rendered, or null
 * @param autocommit   the revision runs statements in {@code autocommit_block()}: not in a transaction
 */
public record AlembicRevision(
        String id,
        List<String> parents,
        List<String> branchLabels,
        List<String> dependsOn,
        String createDate,
        String message,
        String path,
        String upSql,
        String upError,
        String downSql,
        String downError,
        boolean autocommit) {

    public AlembicRevision {
        parents = List.copyOf(parents);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }

    @Override
    public String toString() {
        return id + " (" + path + ")";
    }
}
