package com.plccoach.migrations.testing;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections come from a function: for tests that need to see or shape what a run
 * does with the connections it is handed (a pool that keeps sessions open, one that counts, one that refuses).
 * The connections themselves are real.
 */
public final class TestDataSources {

    /** Hands out a connection, or fails as a data source would. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    private TestDataSources() {
    }

    /** A data source that answers {@code getConnection()} with {@code opener}; {@code name} is what it prints as. */
    public static DataSource of(String name, Opener opener) {
        return (DataSource) Proxy.newProxyInstance(TestDataSources.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> opener.open();
                    case "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
