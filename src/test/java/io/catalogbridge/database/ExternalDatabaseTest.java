package io.catalogbridge.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbridge.CatalogBridgeApplication;
import io.catalogbridge.ServiceClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** With spring.datasource.url the service uses that PostgreSQL, starts nothing embedded, and needs its key. */
class ExternalDatabaseTest {

    private static EmbeddedPostgres external;

    @TempDir
    Path dir;

    @BeforeAll
    static void startExternalDatabase() throws Exception {
        external = EmbeddedPostgres.builder().start();
        try (var connection = external.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE bridge");
        }
    }

    @AfterAll
    static void stopExternalDatabase() throws Exception {
        external.close();
    }

    private String[] arguments(String encryptionKey) {
        return new String[] {
                "--server.port=0",
                "--spring.datasource.url=" + external.getJdbcUrl("postgres", "bridge"),
                "--spring.datasource.username=postgres",
                "--catalog-bridge.encryption.key=" + encryptionKey,
                "--catalog-bridge.encryption.key-file=" + dir.resolve("encryption.key"),
                "--catalog-bridge.embedded-database.data-directory=" + dir.resolve("unused"),
                "--catalog-bridge.security.admin-key=external-test-key"};
    }

    @Test
    void theConfiguredDatabaseIsMigratedAndUsedAndNothingEmbeddedStarts() throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CatalogBridgeApplication.class)
                .run(arguments(key))) {
            assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
            assertThat(dir.resolve("unused")).doesNotExist();
            assertThat(dir.resolve("encryption.key")).doesNotExist();

            int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> put = new ServiceClient(port, "external-test-key").call("PUT",
                    "/acme/configuration/integrations/alation?validate=false",
                    "{\"url\": \"https://alation.example.com\", \"user_id\": 4, \"refresh_api_token\": \"t\"}");
            assertThat(put.statusCode()).isEqualTo(200);
        }
        JdbcTemplate jdbc = new JdbcTemplate(external.getDatabase("postgres", "bridge"));
        assertThat(jdbc.queryForObject("SELECT url FROM alation_integration WHERE tenant_id = 'acme'", String.class))
                .isEqualTo("https://alation.example.com");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isPositive();
    }

    @Test
    void withoutAnEncryptionKeyTheServiceRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CatalogBridgeApplication.class).run(arguments("")))
                .hasStackTraceContaining("CATALOG_BRIDGE_ENCRYPTION_KEY is not set");
        assertThat(dir.resolve("encryption.key")).doesNotExist();
    }
}
