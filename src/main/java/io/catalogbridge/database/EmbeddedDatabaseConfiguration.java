package io.catalogbridge.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the service runs on an embedded PostgreSQL 17 whose data directory persists
 * across restarts. The server is a bean the data source depends on, so Spring stops it last: after the web server
 * and Camel (lifecycle beans, stopped before any bean is destroyed) and after the connection pool is closed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(EmbeddedDatabase.IN_USE)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Files.createDirectories(properties.dataDirectory());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDirectory())
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(),
                properties.dataDirectory().toAbsolutePath());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("catalog-bridge-embedded");
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setDataSourceProperties(toProperties(Map.of("ApplicationName", "catalog-bridge")));
        return new HikariDataSource(config);
    }

    private static java.util.Properties toProperties(Map<String, String> values) {
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(values);
        return properties;
    }
}
