package com.plccoach.migrations.internal.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the password file as soon as the client has connected. libpq reads PGPASSFILE before it
 * authenticates, and the server lists a session in {@code pg_stat_activity} (with the application
 * name from the startup packet) only once authentication succeeded; pg_dump and pg_restore as we run
 * them (no {@code --jobs}) open exactly one connection. So the first moment our own connection sees a
 * session with the client's unique application name, the file has been read for the last time.
 * Without an observer connection, or if it cannot tell, the file goes when the client exits.
 */
final class PassFileRemoval implements ClientProcess.Watch {

    private static final Logger LOG = LoggerFactory.getLogger(PassFileRemoval.class);

    private final PgPassFile file;
    private final Connection observer;
    private final String applicationName;
    private boolean removed;

    PassFileRemoval(PgPassFile file, Connection observer, String applicationName) {
        this.file = file;
        this.observer = observer;
        this.applicationName = applicationName;
    }

    @Override
    public boolean poll() {
        if (observer == null) {
            return true;
        }
        try (Statement clear = observer.createStatement();
             PreparedStatement ps = observer.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = ?)")) {
            // inside a transaction pg_stat_activity is read once and cached; this makes each poll see the present
            clear.execute("SELECT pg_stat_clear_snapshot()");
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    remove("the client connected");
                    return true;
                }
                return false;
            }
        } catch (SQLException e) {
            LOG.debug("Cannot watch for the client's session ({}): the password file goes when it exits", e.getMessage());
            return true;
        }
    }

    @Override
    public void finish() {
        remove("the client exited");
    }

    boolean removed() {
        return removed;
    }

    private void remove(String when) {
        if (!removed) {
            file.close();
            removed = true;
            LOG.debug("Deleted the temporary password file: {}", when);
        }
    }

    @Override
    public String toString() {
        return "PassFileRemoval[" + file + ", removed=" + removed + "]";
    }
}
