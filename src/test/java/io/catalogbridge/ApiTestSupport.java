package io.catalogbridge;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the API tests: the whole service on a random port and its own embedded PostgreSQL, WireMock as Alation
 * (OpenMetadata's tests bring their own), and an HTTP client that shows exactly what the service answered.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // inline: these must win over ./application.yaml, which Spring Boot reads from the working directory
        "catalog-bridge.embedded-database.data-directory=target/test-databases/${random.uuid}",
        "catalog-bridge.encryption.key-file=target/test-databases/${random.uuid}.key",
        "catalog-bridge.alation.allow-http=true",
        "catalog-bridge.alation.connect-timeout=2s",
        "catalog-bridge.alation.read-timeout=2s",
        "catalog-bridge.alation.max-attempts=4",
        "catalog-bridge.alation.retry-initial-delay=20ms",
        "catalog-bridge.alation.retry-max-delay=2s",
        "catalog-bridge.openmetadata.allow-http=true",
        "catalog-bridge.openmetadata.connect-timeout=2s",
        "catalog-bridge.openmetadata.read-timeout=2s",
        "catalog-bridge.openmetadata.max-attempts=4",
        "catalog-bridge.openmetadata.retry-initial-delay=20ms",
        "catalog-bridge.openmetadata.retry-max-delay=2s",
        "catalog-bridge.mapping.progress-interval=0s",
        // the delivery worker would deliver every test's queued results to its fake catalogs; tests of delivery
        // switch it on (@TestPropertySource wins over these)
        "catalog-bridge.quality.delivery.enabled=false",
        // the background credential checks would call a test's fake Alation at random moments; tests of them call
        // CredentialChecks.refreshAll themselves
        "catalog-bridge.status.refresh-interval=1h",
        "db-scheduler.polling-interval=500ms",
        "db-scheduler.heartbeat-interval=500ms",
        "db-scheduler.missed-heartbeats-limit=4",
        "catalog-bridge.security.api-keys[0].name=all-tenants",
        "catalog-bridge.security.api-keys[0].sha256=" + ApiTestSupport.ALL_TENANTS_KEY_SHA256,
        "catalog-bridge.security.api-keys[0].tenants=*",
        "catalog-bridge.security.api-keys[1].name=acme-only",
        "catalog-bridge.security.api-keys[1].sha256=" + ApiTestSupport.ACME_ONLY_KEY_SHA256,
        "catalog-bridge.security.api-keys[1].tenants=acme"})
public abstract class ApiTestSupport {

    public static final String ALL_TENANTS_KEY = "test-key-all-tenants";
    public static final String ACME_ONLY_KEY = "test-key-acme-only";
    static final String ALL_TENANTS_KEY_SHA256 = "64db12fdc901da11d35716542fc35635423bdf3f72d5d8a0006457b6bb56a4e6";
    static final String ACME_ONLY_KEY_SHA256 = "b52eabc27cc7f5191d0dc4726401c70cfb7f1401ee9af6851af23b9b9acd9db3";

    @RegisterExtension
    protected static final WireMockExtension alation = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected ObjectMapper objectMapper;

    @BeforeEach
    protected void cleanDatabase() {
        jdbc.update("DELETE FROM mapping_job");
        jdbc.update("DELETE FROM asset");
        // a deleted asset's deliveries outlive it (V11): the queue is cleared on its own
        jdbc.update("DELETE FROM quality_delivery");
        jdbc.update("DELETE FROM mapping_state");
        jdbc.update("DELETE FROM alation_integration");
        jdbc.update("DELETE FROM openmetadata_integration");
    }

    /** An answer of the service: status, content type and body. */
    public record Answer(int status, String contentType, String body, JsonNode json) {
    }

    protected Answer call(String method, String path, String key, String contentType, String body) {
        return answer(new ServiceClient(port, key).call(method, path, contentType, body));
    }

    /** Sends a body as given: raw bytes, or a stream of unknown length (chunked). */
    protected Answer send(String method, String path, String key, String contentType,
            HttpRequest.BodyPublisher body) {
        return answer(new ServiceClient(port, key).send(method, path, contentType, body));
    }

    private Answer answer(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        try {
            JsonNode json = type.contains("json") && !response.body().isEmpty() ? objectMapper.readTree(response.body())
                    : null;
            return new Answer(response.statusCode(), type, response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + response.body(), e);
        }
    }

    protected Answer get(String path, String key) {
        return call("GET", path, key, null, null);
    }

    protected Answer delete(String path, String key) {
        return call("DELETE", path, key, null, null);
    }

    protected Answer putJson(String path, String key, String json) {
        return call("PUT", path, key, "application/json", json);
    }

    protected String alationUrl() {
        return alation.baseUrl();
    }

    /** Starts an automatic mapping job at {@code autoPath} (with its query), checks the answer, gives the job's id. */
    protected String startJob(String autoPath, String catalogName) {
        Answer answer = call("POST", autoPath, ALL_TENANTS_KEY, null, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("message").asText()).isEqualTo("Creating " + catalogName + " mappings started");
        String jobId = answer.json().get("job_id").asText();
        assertThat(UUID.fromString(jobId).toString()).isEqualTo(jobId);
        return jobId;
    }

    /** The report of a job at {@code autoPath} once it is no longer IN_PROGRESS. */
    protected JsonNode finishedJob(String autoPath, String jobId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Answer answer = get(autoPath + "?job_id=" + jobId, ALL_TENANTS_KEY);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            last[0] = answer.json();
            return !"IN_PROGRESS".equals(answer.json().get("status").asText());
        });
        return last[0];
    }
}
