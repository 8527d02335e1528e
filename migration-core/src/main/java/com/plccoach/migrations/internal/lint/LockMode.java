package com.plccoach.migrations.internal.lint;

/** PostgreSQL's table lock modes, weakest first, as far as the rules need them. */
enum LockMode {
    ROW_EXCLUSIVE("ROW EXCLUSIVE"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE"),
    SHARE("SHARE"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE"),
    EXCLUSIVE("EXCLUSIVE"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE");

    private final String sql;

    LockMode(String sql) {
        this.sql = sql;
    }

    /** SHARE and stronger stop every write of other sessions; ACCESS EXCLUSIVE stops reads too. */
    boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    static LockMode parse(String text) {
        String wanted = text.strip().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
        for (LockMode mode : values()) {
            if (mode.sql.equals(wanted)) {
                return mode;
            }
        }
        return ACCESS_EXCLUSIVE;
    }

    @Override
    public String toString() {
        return sql;
    }
}
