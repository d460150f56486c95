package io.catalogbridge.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.catalogbridge.ApiTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The JSON log switch (Spring Boot's structured logging, ECS): each line is one JSON document, the lines of a
 * request carry its tenant and those of a mapping job its tenant and job id, and none holds a secret.
 *
 * <p>Logback is configured once per JVM (by the first test context); this class has it configured again by its own
 * context, with the switch on, and puts the plain format back afterwards for the test classes that follow.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.structured.format.console=ecs")
@DirtiesContext
class StructuredLogsTest extends ApiTestSupport {

    @BeforeAll
    static void letThisContextConfigureLogging() {
        LoggingSystem.get(StructuredLogsTest.class.getClassLoader()).cleanUp();
    }

    @AfterAll
    static void restorePlainLogs() {
        // the switch reached Logback as a system property, which outlives the context
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
        LoggingSystem logging = LoggingSystem.get(StructuredLogsTest.class.getClassLoader());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new MockEnvironment()), null, null);
    }

    private static final String REFRESH = "refresh-json-7a6b5c4d";
    private static final String ACCESS = "access-json-3e2f1a0b";
    private static final String MAPPINGS = "/acme/configuration/mappings/alation";

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private List<JsonNode> jsonLines(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.startsWith("{")).map(line -> {
            try {
                return objectMapper.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("A log line that is not JSON: " + line, e);
            }
        }).toList();
    }

    private JsonNode lineWith(List<JsonNode> lines, String message) {
        return lines.stream().filter(line -> line.path("message").asText().contains(message)).findFirst()
                .orElseThrow(() -> new AssertionError("No JSON log line with '" + message + "' among " + lines.size()));
    }

    @Test
    void requestAndJobLinesAreJsonWithTheirTenantAndJobIdAndNoSecret(CapturedOutput output) {
        alation.stubFor(post(urlEqualTo("/integration/v1/createAPIAccessToken/")).willReturn(json(201,
                "{\"api_access_token\": \"" + ACCESS + "\", \"token_expires_at\": \"2099-01-01T00:00:00Z\"}")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v1/datasource/")).willReturn(json(200,
                "[{\"id\": 1, \"dbtype\": \"postgresql\", \"title\": \"Sales PG\"}]")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v2/datasource/")).willReturn(json(200, "[]")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v2/table/")).willReturn(json(200,
                "[{\"id\": 100, \"name\": \"orders\", \"ds_id\": 1, \"schema_id\": 10, \"schema_name\": \"public\"}]")));

        assertThat(putJson("/acme/configuration/integrations/alation", ALL_TENANTS_KEY, "{\"url\": \"" + alationUrl()
                + "\", \"user_id\": 3, \"refresh_api_token\": \"" + REFRESH + "\"}").status()).isEqualTo(200);
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, "[{\"asset_id\": \"a\", \"data_source_name\": \"Sales PG\","
                + " \"schema\": \"public\", \"table\": \"orders\"}]").status()).isEqualTo(200);
        String jobId = call("POST", MAPPINGS + "/auto", ALL_TENANTS_KEY, null, null).json().get("job_id").asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> "COMPLETED".equals(
                get(MAPPINGS + "/auto?job_id=" + jobId, ALL_TENANTS_KEY).json().get("status").asText()));
        assertThat(get("/acme/configuration/integrations/alation", "wrong-" + ALL_TENANTS_KEY).status()).isEqualTo(401);

        List<JsonNode> lines = jsonLines(output);
        JsonNode saved = lineWith(lines, "Alation integration of tenant acme saved");
        assertThat(saved.path("tenant").asText()).isEqualTo("acme");
        assertThat(saved.path("jobId").isMissingNode()).isTrue();

        JsonNode completed = lineWith(lines, "Automatic mapping job " + jobId + " of tenant acme completed");
        assertThat(completed.path("tenant").asText()).isEqualTo("acme");
        assertThat(completed.path("jobId").asText()).isEqualTo(jobId);
        JsonNode running = lineWith(lines, "Automatic mapping job " + jobId + " of tenant acme running");
        assertThat(running.path("jobId").asText()).isEqualTo(jobId);

        assertThat(output.getAll()).doesNotContain(REFRESH).doesNotContain(ACCESS).doesNotContain(ALL_TENANTS_KEY);
    }
}
