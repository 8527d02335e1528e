package com.plccoach.migrations.spring;

import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.EntryPoint;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Turns {@code plccoach.*} and the application's DataSource into a {@link Migrator}. */
final class PlccoachMigratorFactory {

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    private final PlccoachProperties properties;
    private final ClassLoader classLoader;

    PlccoachMigratorFactory(PlccoachProperties properties, ClassLoader classLoader) {
        this.properties = properties;
        this.classLoader = classLoader;
    }

    /**
     * @param qualified  the {@code @PlccoachDataSource} bean, or null
     * @param unique     the application's only (or primary) DataSource, or null
     */
    Migrator create(DataSource qualified, DataSource unique) {
        Migrator.Builder builder = Migrator.builder()
                .scripts(scripts(properties.getLocations()))
                .schema(blankToNull(properties.getSchema()))
                .placeholders(properties.getPlaceholders())
                .lockWait(properties.getLockWait())
                .lockTimeout(properties.getLockTimeout())
                .transactionPerRevision(properties.isTransactionPerRevision())
                .allowDataLoss(properties.isAllowDataLoss())
                .applicationName("plccoach-spring-boot")
                .entryPoint(EntryPoint.SPRING_BOOT); // messages then name plccoach.* properties
        DataSource dataSource = qualified != null ? qualified : unique;
        if (properties.getUrl() != null) {
            return builder.url(properties.getUrl()).user(properties.getUser()).password(properties.getPassword()).build();
        }
        if (dataSource == null) {
            throw new PlccoachConfigurationException("PLC Coach cannot tell which DataSource to migrate: the application has several and"
                    + " none is marked @PlccoachDataSource. Annotate the one to migrate with @PlccoachDataSource, set"
                    + " plccoach.url, or set plccoach.enabled=false.");
        }
        if (properties.getUser() != null) {
            // another role on the same database: the DataSource's own URL, our credentials
            return builder.url(urlOf(dataSource)).user(properties.getUser()).password(properties.getPassword()).build();
        }
        return builder.dataSource(dataSource).build();
    }

    ScriptSource scripts(String location) {
        if (location == null || location.isBlank()) {
            throw new PlccoachConfigurationException("plccoach.locations is empty: set it to the directory of the revision files, e.g."
                    + " classpath:db/revisions or file:src/main/resources/db/revisions.");
        }
        String trimmed = location.strip();
        if (trimmed.contains(",")) {
            throw new PlccoachConfigurationException("plccoach.locations=" + trimmed + " names several locations, but one revision graph"
                    + " lives in one directory: keep one location.");
        }
        if (trimmed.startsWith(FILE)) {
            return ScriptSource.directory(Path.of(trimmed.substring(FILE.length())));
        }
        String path = trimmed.startsWith(CLASSPATH) ? trimmed.substring(CLASSPATH.length()) : trimmed;
        return ScriptSource.classpath(path.startsWith("/") ? path.substring(1) : path, classLoader);
    }

    private static String urlOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("PLC Coach could not connect through the application's DataSource to"
                    + " read its URL for plccoach.user: " + e.getMessage() + ". Check spring.datasource.*, or set plccoach.url.", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public String toString() {
        return "PlccoachMigratorFactory[" + properties + "]";
    }
}
