package com.plccoach.migrations;

/** What a downgrade dumps before it reverts anything. */
public enum BackupMode {
    /** The whole database (the default). */
    FULL,
    /** Only what the plan destroys: dropped tables, and dropped columns with their primary keys. */
    AFFECTED,
    /** No backup; must be asked for explicitly. */
    NONE;

    /** Reads {@code full}, {@code affected} or {@code none}, in any case. */
    public static BackupMode parse(String value) {
        for (BackupMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown backup mode '" + value + "': use full, affected or none");
    }
}
