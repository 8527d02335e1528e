package com.plccoach.migrations.internal.progress;

/**
 * Marks the runs on a scratch database (check's drift, verify, autogenerate) so that their
 * revision lines go to DEBUG: the user asked for a check, not an upgrade, and the caller reports the
 * scratch work in one summary line. The mark is the sessions' {@code application_name}, which also
 * tells a DBA looking at pg_stat_activity that these sessions work on a throwaway database.
 */
public final class ScratchRuns {

    static final String SUFFIX = " (scratch)";

    private ScratchRuns() {
    }

    /** The application name of a scratch database's sessions. */
    public static String applicationName(String applicationName) {
        return isScratch(applicationName) ? applicationName : applicationName + SUFFIX;
    }

    public static boolean isScratch(String applicationName) {
        return applicationName != null && applicationName.endsWith(SUFFIX);
    }
}
