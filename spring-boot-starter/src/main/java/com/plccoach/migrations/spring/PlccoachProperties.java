package com.plccoach.migrations.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code plccoach.*} settings of a Spring Boot application. Each field's comment is the
 * description IDEs show for the property (the configuration processor copies it into
 * {@code META-INF/spring-configuration-metadata.json}).
 */
// The defaults are literals, not MigratorConfig.DEFAULT_*, because the configuration processor only
// reads literals into the metadata; PlccoachPropertiesTest keeps them equal.
@ConfigurationProperties("plccoach")
public class PlccoachProperties {

    /**
     * Whether to migrate the database at start-up (and create the Migrator bean and the plccoach
     * endpoint). false leaves the database untouched.
     */
    private boolean enabled = true;

    /**
     * Where the revision files are: classpath:dir (also inside jars, e.g. the plccoach-schema jar) or
     * file:dir. Several locations are not supported: one graph lives in one directory.
     */
    private String locations = "classpath:db/revisions";

    /**
     * The revision to upgrade to at start-up: heads (every head), head (the single head), an id, a
     * unique prefix of one, or label@head.
     */
    private String target = "heads";

    /**
     * Schema that holds the tool's own tables (plccoach_version, plccoach_history) and that the
     * revisions run in (search_path).
     */
    private String schema = "public";

    /**
     * Values for ${name} placeholders in the revision files, e.g. plccoach.placeholders.owner=app.
     */
    private Map<String, String> placeholders = new LinkedHashMap<>();

    /**
     * How long to wait for the migration lock while another instance of the application migrates,
     * e.g. 30s; then the start fails naming the holder.
     */
    private Duration lockWait = Duration.ofMinutes(5);

    /**
     * PostgreSQL lock_timeout for each statement, e.g. 5s, so a statement waiting for a busy table
     * fails instead of blocking the traffic queued behind it.
     */
    private Duration lockTimeout = Duration.ofSeconds(10);

    /**
     * Commit each revision in its own transaction instead of running the whole upgrade in one; a
     * failure then leaves the database at the last revision that committed.
     */
    private boolean transactionPerRevision;

    /**
     * Let revisions that drop tables, columns or rows that hold data run. Off by default: the
     * data-loss guard refuses them and names this switch.
     */
    private boolean allowDataLoss;

    /**
     * JDBC URL to migrate instead of the application's DataSource, e.g. to migrate as an owner role
     * while the application connects as a less privileged one.
     */
    private String url;

    /**
     * Login role for the migration, instead of the DataSource's (with url, or on the DataSource's
     * URL when url is not set).
     */
    private String user;

    /**
     * Password of user. Prefer ~/.pgpass or an environment variable reference over a literal here.
     */
    private String password;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getLocations() {
        return locations;
    }

    public void setLocations(String locations) {
        this.locations = locations;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public Map<String, String> getPlaceholders() {
        return placeholders;
    }

    public void setPlaceholders(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    public Duration getLockWait() {
        return lockWait;
    }

    public void setLockWait(Duration lockWait) {
        this.lockWait = lockWait;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public boolean isTransactionPerRevision() {
        return transactionPerRevision;
    }

    public void setTransactionPerRevision(boolean transactionPerRevision) {
        this.transactionPerRevision = transactionPerRevision;
    }

    public boolean isAllowDataLoss() {
        return allowDataLoss;
    }

    public void setAllowDataLoss(boolean allowDataLoss) {
        this.allowDataLoss = allowDataLoss;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public String toString() {
        return "PlccoachProperties[enabled=" + enabled + ", locations=" + locations + ", target=" + target + ", schema=" + schema
                + ", placeholders=" + placeholders.keySet() + ", lockWait=" + lockWait + ", lockTimeout=" + lockTimeout
                + ", transactionPerRevision=" + transactionPerRevision + ", allowDataLoss=" + allowDataLoss + ", url=" + url
                + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
