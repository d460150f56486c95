package io.catalogbridge.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Whatever happens to a PUT (stored, rejected, Alation down, malformed), no token reaches the log. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest extends ApiTestSupport {

    private static final String PATH = "/acme/configuration/integrations/alation";
    private static final String GOOD = "refresh-good-0d9f8e7a";
    private static final String BAD = "refresh-bad-5c4b3a21";
    private static final String ACCESS = "access-token-1f2e3d4c";

    @Test
    void noRefreshOrAccessTokenAppearsInTheLogs(CapturedOutput output) {
        alation.stubFor(post(urlEqualTo("/integration/v1/createAPIAccessToken/"))
                .withRequestBody(equalToJson("{\"refresh_token\": \"" + GOOD + "\", \"user_id\": 3}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"api_access_token\": \"" + ACCESS + "\", \"user_id\": 3,"
                                + " \"token_expires_at\": \"2026-11-25T10:00:00.222161Z\"}")));
        alation.stubFor(post(urlEqualTo("/integration/v1/createAPIAccessToken/"))
                .withRequestBody(equalToJson("{\"refresh_token\": \"" + BAD + "\", \"user_id\": 3}"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\": \"Refresh token provided is invalid.\", \"code\": \"401000\"}")));

        assertThat(putJson(PATH, ALL_TENANTS_KEY, body(GOOD)).status()).isEqualTo(200);
        assertThat(putJson(PATH, ALL_TENANTS_KEY, body(BAD)).status()).isEqualTo(422);
        assertThat(putJson(PATH, ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"refresh_api_token\": " + BAD + "}").status()).isEqualTo(400);
        assertThat(putJson(PATH, ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": [\"" + BAD + "\"]}").status()).isEqualTo(400);
        assertThat(putJson(PATH, ALL_TENANTS_KEY, "{\"url\": \"http://127.0.0.1:1\", \"user_id\": 3,"
                + " \"refresh_api_token\": \"" + BAD + "\"}").status()).isEqualTo(502);
        assertThat(get(PATH, ALL_TENANTS_KEY).status()).isEqualTo(200);

        assertThat(output.getAll()).contains("Alation integration of tenant acme saved");
        assertThat(output.getAll()).doesNotContain(GOOD).doesNotContain(BAD).doesNotContain(ACCESS)
                .doesNotContain(ALL_TENANTS_KEY);
    }

    private String body(String token) {
        return "{\"url\": \"" + alationUrl() + "\", \"user_id\": 3, \"refresh_api_token\": \"" + token + "\"}";
    }
}
