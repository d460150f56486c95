package io.catalogbridge.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.catalogbridge.ApiTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The whole API exercised, failures included (rejected credentials, malformed bodies, Alation down, a job that
 * completes and one that fails, a manual mapping): no refresh token, access token or API key reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest extends ApiTestSupport {

    private static final String PATH = "/acme/configuration/integrations/alation";
    private static final String GOOD = "refresh-good-0d9f8e7a";
    private static final String BAD = "refresh-bad-5c4b3a21";
    private static final String ACCESS = "access-token-1f2e3d4c";
    private static final String MAPPINGS = "/acme/configuration/mappings/alation";

    private String body(String token) {
        return "{\"url\": \"" + alationUrl() + "\", \"user_id\": 3, \"refresh_api_token\": \"" + token + "\"}";
    }

    private String runJob() {
        String jobId = call("POST", MAPPINGS + "/auto?should_overwrite=true", ALL_TENANTS_KEY, null, null).json()
                .get("job_id").asText();
        String[] status = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            status[0] = get(MAPPINGS + "/auto?job_id=" + jobId, ALL_TENANTS_KEY).json().get("status").asText();
            return !"IN_PROGRESS".equals(status[0]);
        });
        return status[0];
    }

    @Test
    void noTokenOrKeyAppearsInTheLogs(CapturedOutput output) {
        alation.stubFor(post(urlEqualTo("/integration/v1/createAPIAccessToken/"))
                .withRequestBody(equalToJson("{\"refresh_token\": \"" + GOOD + "\", \"user_id\": 3}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"api_access_token\": \"" + ACCESS + "\", \"user_id\": 3,"
                                + " \"token_expires_at\": \"2099-11-25T10:00:00.222161Z\"}")));
        alation.stubFor(post(urlEqualTo("/integration/v1/createAPIAccessToken/"))
                .withRequestBody(equalToJson("{\"refresh_token\": \"" + BAD + "\", \"user_id\": 3}"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\": \"Refresh token provided is invalid.\", \"code\": \"401000\"}")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v1/datasource/")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("[{\"id\": 1, \"dbtype\": \"postgresql\", \"title\": \"Sales PG\"}]")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v2/datasource/")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v2/table/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[{\"id\": 100, \"name\": \"orders\","
                        + " \"ds_id\": 1, \"schema_id\": 10, \"schema_name\": \"public\"}]")));

        // the integration: stored, rejected, malformed, Alation unreachable
        assertThat(putJson(PATH, ALL_TENANTS_KEY, body(GOOD)).status()).isEqualTo(200);
        assertThat(putJson(PATH, ALL_TENANTS_KEY, body(BAD)).status()).isEqualTo(422);
        assertThat(putJson(PATH, ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"refresh_api_token\": " + BAD + "}").status()).isEqualTo(400);
        assertThat(putJson(PATH, ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": [\"" + BAD + "\"]}").status()).isEqualTo(400);
        assertThat(putJson(PATH, ALL_TENANTS_KEY, "{\"url\": \"http://127.0.0.1:1\", \"user_id\": 3,"
                + " \"refresh_api_token\": \"" + BAD + "\"}").status()).isEqualTo(502);
        assertThat(get(PATH, ALL_TENANTS_KEY).status()).isEqualTo(200);

        // assets, a job that completes, a manual mapping, a job that fails, the answers
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY,
                "[{\"asset_id\": \"a\", \"data_source_name\": \"Sales PG\", \"schema\": \"public\", \"table\": \"orders\"}]")
                .status()).isEqualTo(200);
        assertThat(runJob()).isEqualTo("COMPLETED");
        assertThat(call("POST", MAPPINGS, ALL_TENANTS_KEY, "application/json",
                "{\"asset_id\": \"a\", \"alation_table_id\": 100}").status()).isEqualTo(200);
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v2/table/")).willReturn(aResponse().withStatus(403)));
        assertThat(runJob()).isEqualTo("FAILED");
        assertThat(get(MAPPINGS, ALL_TENANTS_KEY).status()).isEqualTo(200);
        assertThat(get(PATH, "wrong-" + ALL_TENANTS_KEY).status()).isEqualTo(401);
        assertThat(delete(PATH, ALL_TENANTS_KEY).status()).isEqualTo(200);

        String log = output.getAll();
        assertThat(log).contains("Alation integration of tenant acme saved").contains("failed: Alation refused");
        assertThat(log).doesNotContain(GOOD).doesNotContain(BAD).doesNotContain(ACCESS).doesNotContain(ALL_TENANTS_KEY);
    }
}
