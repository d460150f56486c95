package io.catalogbridge.database;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.catalogbridge.CatalogBridgeApplication;
import io.catalogbridge.ServiceClient;
import io.catalogbridge.crypto.TokenCipher;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service as an operator runs it: no encryption key, no database URL. The integration survives a restart (data
 * directory and generated key file both persist), and the embedded server stops last and leaves nothing running.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseRestartTest {

    private static final String KEY = "restart-test-key";

    @TempDir
    Path dir;

    private final WireMockServer alation = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @BeforeEach
    void startAlation() {
        alation.start();
        alation.stubFor(post(urlEqualTo("/integration/v1/createAPIAccessToken/")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"api_access_token\": \"a\", \"user_id\": 9, \"token_expires_at\": \"2030-01-01T00:00:00Z\"}")));
    }

    @AfterEach
    void stopAlation() {
        alation.stop();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CatalogBridgeApplication.class).run(
                "--server.port=0",
                "--catalog-bridge.embedded-database.data-directory=" + dir.resolve("postgres"),
                "--catalog-bridge.encryption.key-file=" + dir.resolve("encryption.key"),
                "--catalog-bridge.encryption.key=",
                "--catalog-bridge.alation.allow-http=true",
                "--catalog-bridge.security.admin-key=" + KEY);
    }

    private HttpResponse<String> send(ConfigurableApplicationContext context, String method, String body) {
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        return new ServiceClient(port, KEY).call(method, "/acme/configuration/integrations/alation", body);
    }

    @Test
    void theIntegrationSurvivesARestartAndTheServerStopsLast(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            HttpResponse<String> put = send(first, "PUT", "{\"url\": \"" + alation.baseUrl()
                    + "\", \"user_id\": 9, \"refresh_api_token\": \"survivor\"}");
            assertThat(put.statusCode()).isEqualTo(200);
        }
        Path pid = dir.resolve("postgres").resolve("postmaster.pid");
        assertThat(pid).as("the embedded server stopped").doesNotExist();
        String log = output.getAll();
        int postgresStopped = log.lastIndexOf("shut down postmaster");
        assertThat(postgresStopped).isPositive();
        assertThat(postgresStopped).as("PostgreSQL stops after Camel").isGreaterThan(log.lastIndexOf(") shutdown in"));
        assertThat(postgresStopped).as("PostgreSQL stops after the web server")
                .isGreaterThan(log.lastIndexOf("Graceful shutdown complete"));
        assertThat(log.lastIndexOf(") shutdown in")).isPositive();
        assertThat(log.lastIndexOf("Graceful shutdown complete")).isPositive();

        assertThat(dir.resolve("encryption.key")).exists();
        String key = Files.readString(dir.resolve("encryption.key"));

        try (ConfigurableApplicationContext second = start()) {
            HttpResponse<String> got = send(second, "GET", null);
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.body()).contains("\"user_id\":9").contains(alation.baseUrl());
            // the token stored by the first run still decrypts with the key kept beside the data
            String stored = second.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT refresh_token_encrypted FROM alation_integration WHERE tenant_id = 'acme'", String.class);
            assertThat(second.getBean(TokenCipher.class).decrypt("acme", stored)).isEqualTo("survivor");
        }
        assertThat(Files.readString(dir.resolve("encryption.key"))).isEqualTo(key);
        assertThat(pid).doesNotExist();
    }
}
