package com.plccoach.migrations.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** The Testcontainers fallback, used only where Docker runs and no other server answers. */
final class Containers {

    private Containers() {
    }

    static String dockerUnavailableReason() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? null : "Docker is not available";
        } catch (RuntimeException | LinkageError e) {
            return "Docker is not available: " + e.getMessage();
        }
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Ryuk removes it afterwards
    static String startPgvector() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(
                DockerImageName.parse("pgvector/pgvector:pg15").asCompatibleSubstituteFor("postgres"));
        container.start();
        return container.getJdbcUrl().replaceFirst("/[^/?]*(\\?|$)", "/postgres$1")
                + (container.getJdbcUrl().contains("?") ? "&" : "?")
                + "user=" + container.getUsername() + "&password=" + container.getPassword();
    }
}
