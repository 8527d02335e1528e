package com.plccoach.migrations.internal.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where pg_dump and pg_restore must connect: the server, database and user of an open JDBC
 * connection, read from the connection itself so that every URL form the configuration accepts
 * (or a DataSource) leads to the same place.
 *
 * @param serverMajor the server's major version (15 for 15.4)
 */
record PgTarget(String host, int port, String database, String user, int serverMajor) {

    private static final Pattern HOST = Pattern.compile("jdbc:postgresql://(\\[[^]]+]|[^:/,?]+)?(?::(\\d+))?.*");

    static PgTarget of(Connection connection) throws SQLException {
        String url = connection.getMetaData().getURL();
        String host = "localhost";
        int urlPort = 5432;
        Matcher m = url == null ? null : HOST.matcher(url);
        if (m != null && m.matches()) {
            if (m.group(1) != null && !m.group(1).isEmpty()) {
                host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
            }
            if (m.group(2) != null) {
                urlPort = Integer.parseInt(m.group(2));
            }
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database(), session_user, inet_server_port(), "
                     + "current_setting('server_version_num')::int / 10000")) {
            rs.next();
            int port = rs.getObject(3) == null ? urlPort : rs.getInt(3);
            return new PgTarget(host, port, rs.getString(1), rs.getString(2), rs.getInt(4));
        }
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
