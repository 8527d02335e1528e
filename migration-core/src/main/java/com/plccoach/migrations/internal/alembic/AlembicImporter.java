package com.plccoach.migrations.internal.alembic;

import com.plccoach.migrations.AlembicImportResult;
import com.plccoach.migrations.AlembicProject;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.internal.connection.ConnectionFactory;
import com.plccoach.migrations.internal.graph.RevisionLoader;
import com.plccoach.migrations.internal.script.DirectoryScriptSource;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code import-alembic}: Alembic's revisions become revision files (rendered by Alembic itself) and,
 * with a database, the heads in {@code alembic_version} become our state. Everything that can stop
 * the import (Alembic missing, a file that disagrees, an unreachable database) does so before the
 * first file is moved into the scripts directory.
 */
public final class AlembicImporter {

    private static final Logger LOG = LoggerFactory.getLogger(AlembicImporter.class);
    private static final Duration HELPER_TIMEOUT = Duration.ofMinutes(10);

    private final MigratorConfig config;
    private final Map<String, String> env;

    public AlembicImporter(MigratorConfig config) {
        this(config, System.getenv());
    }

    AlembicImporter(MigratorConfig config, Map<String, String> env) {
        this.config = config;
        this.env = Map.copyOf(env);
    }

    public AlembicImportResult run(AlembicProject project) {
        if (!(config.scripts() instanceof DirectoryScriptSource scripts)) {
            throw new RevisionFileException("cannot import into " + config.scripts().describe() + ": it is read-only; point"
                    + " plccoach.scripts at the source directory of the revisions, e.g. src/main/resources/db/revisions");
        }
        AlembicExport.Result export = new AlembicExport(HELPER_TIMEOUT).read(project.configFile(), project.python());
        LOG.info("Read {}", export);
        List<ImportedFile> files = export.revisions().stream().map(ImportedFile::of).toList();
        Optional<MigratorConfig> database = withDatabase(export.configUrl());
        AlembicState state = database.map(c -> new AlembicState(c, () -> new ConnectionFactory(c).open())).orElse(null);
        // read before any file moves, so that an unreachable database stops the import with nothing written
        List<String> heads = state == null ? List.of() : state.alembicHeads();
        ImportWriter.Outcome outcome = new ImportWriter(scripts.directory(), config.placeholders()).write(files);
        List<String> recorded = List.of();
        if (state != null && !heads.isEmpty()) {
            recorded = state.importState(RevisionLoader.load(scripts, config.placeholders()), heads).recorded();
        } else if (state != null) {
            LOG.info("{} is missing or empty: the database was never upgraded by Alembic, so there is no state to import",
                    AlembicState.VERSION_TABLE);
        }
        List<String> stubs = files.stream().filter(ImportedFile::stubbed)
                .map(f -> f.revision().id() + " (" + f.revision().path() + "): " + f.stubReason()).toList();
        stubs.forEach(stub -> LOG.warn("Stub (Alembic could not render it offline; edit the file): {}", stub));
        return new AlembicImportResult(files.size(), outcome.written(), outcome.unchanged(), stubs,
                database.map(this::describe).orElse(null), heads, recorded);
    }

    /**
     * The database to read {@code alembic_version} from: the configured one, else DATABASE_URL, else the
     * config's {@code sqlalchemy.url} when it is a PostgreSQL URL (Alembic's template placeholder is not).
     */
    private Optional<MigratorConfig> withDatabase(Optional<String> configUrl) {
        if (config.dataSource() != null || config.url() != null || env.get("DATABASE_URL") != null) {
            return Optional.of(config);
        }
        return configUrl.filter(url -> url.toLowerCase(Locale.ROOT).startsWith("postgres")).map(url -> new MigratorConfig(url,
                config.user(), config.password(), config.passwordCommand(), null, config.scripts(), config.schema(),
                config.placeholders(), config.transactionPerRevision(), config.lockTimeout(), config.lockWait(),
                config.allowDataLoss(), config.backupMode(), config.backupDir(), config.pgDump(), config.pgRestore(),
                config.verifyUrl(), config.applicationName(), config.desiredSchema(), config.lockRetries(), config.batchPause(),
                config.advice()));
    }

    private String describe(MigratorConfig config) {
        if (config.dataSource() != null) {
            return "the configured data source";
        }
        String url = config.url() != null ? config.url() : env.get("DATABASE_URL");
        return MigratorConfig.redactUrl(url);
    }

    @Override
    public String toString() {
        return "AlembicImporter[" + config.scripts().describe() + "]";
    }
}
