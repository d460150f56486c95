package io.catalogbridge.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The embedded PostgreSQL used when no {@code spring.datasource.url} is configured. */
@ConfigurationProperties("catalog-bridge.embedded-database")
public record EmbeddedDatabaseProperties(Path dataDirectory, int port) {
}
