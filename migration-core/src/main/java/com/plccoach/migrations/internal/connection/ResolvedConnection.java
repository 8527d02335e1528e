package com.plccoach.migrations.internal.connection;

/**
 * Where and as whom to connect, after the URL forms and the password chain are resolved: what
 * pg_dump and pg_restore need too (the password goes to them through a PGPASSFILE, never an argument).
 *
 * @param password       null when no source gave one (trust or certificate authentication)
 * @param passwordSource where the password came from, for log lines; null with no password
 */
public record ResolvedConnection(String jdbcUrl, String host, int port, String database, String user, String password,
                                 String passwordSource) {

    /** Never shows the password. */
    @Override
    public String toString() {
        return "ResolvedConnection[" + jdbcUrl + ", user=" + user + ", password="
                + (password == null ? "none" : "*** from " + passwordSource) + "]";
    }
}
