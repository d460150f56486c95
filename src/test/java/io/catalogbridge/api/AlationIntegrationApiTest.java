package io.catalogbridge.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.crypto.TokenCipher;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AlationIntegrationApiTest extends ApiTestSupport {

    private static final String PATH = "/acme/configuration/integrations/alation";
    private static final String TOKEN_PATH = "/integration/v1/createAPIAccessToken/";
    private static final String REFRESH_TOKEN = "refresh-token-6f1d2c";

    @Autowired
    TokenCipher cipher;

    private void alationAccepts(String refreshToken) {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH))
                .withRequestBody(equalToJson("{\"refresh_token\": \"" + refreshToken + "\", \"user_id\": 81}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"api_access_token": "access-token-9a8b7c", "user_id": 81,
                                 "created_at": "2026-11-24T10:00:00.000000Z",
                                 "token_expires_at": "2026-11-25T10:00:00.222161Z", "token_status": "ACTIVE"}""")));
    }

    private String body(String url, long userId, String token) {
        return "{\"url\": \"" + url + "\", \"user_id\": " + userId + ", \"refresh_api_token\": \"" + token + "\"}";
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT tenant_id, url, user_id, refresh_token_encrypted FROM alation_integration");
    }

    @Test
    void putGetDeleteRoundTripChecksTheCredentialsAndNeverShowsTheToken() {
        alationAccepts(REFRESH_TOKEN);

        Answer put = putJson(PATH, ALL_TENANTS_KEY, body(alationUrl() + "/", 81, REFRESH_TOKEN));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.contentType()).startsWith("application/json");
        assertThat(put.json().get("url").asText()).isEqualTo(alationUrl() + "/");
        assertThat(put.json().get("user_id").asLong()).isEqualTo(81);
        assertThat(put.json().get("data_source_links").isEmpty()).isTrue();
        assertThat(put.json().get("quality").toString())
                .isEqualTo("{\"push\":true,\"trust_flags\":true,\"rich_text_field_id\":null}");
        assertThat(put.json().size()).isEqualTo(4);

        // Alation got the refresh token, and nothing of the caller's request (its API key above all)
        alation.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson("{\"refresh_token\": \"" + REFRESH_TOKEN + "\", \"user_id\": 81}")));

        List<Map<String, Object>> rows = rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("tenant_id", "acme").containsEntry("url", alationUrl())
                .containsEntry("user_id", 81L);
        String stored = (String) rows.get(0).get("refresh_token_encrypted");
        assertThat(stored).startsWith("v1:").doesNotContain(REFRESH_TOKEN);
        assertThat(cipher.decrypt("acme", stored)).isEqualTo(REFRESH_TOKEN);

        Answer got = get(PATH, ALL_TENANTS_KEY);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).doesNotContain(REFRESH_TOKEN).doesNotContain("access-token");
        assertThat(got.json().get("url").asText()).isEqualTo(alationUrl() + "/");
        assertThat(got.json().get("user_id").asLong()).isEqualTo(81);
        assertThat(got.json().get("quality").toString())
                .isEqualTo("{\"push\":true,\"trust_flags\":true,\"rich_text_field_id\":null}");
        assertThat(got.json().size()).isEqualTo(4);

        Answer deleted = delete(PATH, ALL_TENANTS_KEY);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asText())
                .isEqualTo("Alation integration configuration deleted successfully");
        assertThat(rows()).isEmpty();

        Answer gone = get(PATH, ALL_TENANTS_KEY);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.json().get("status").asInt()).isEqualTo(404);
        assertThat(delete(PATH, ALL_TENANTS_KEY).status()).isEqualTo(404);
    }

    @Test
    void aSecondPutReplacesTheIntegration() {
        alationAccepts(REFRESH_TOKEN);
        alationAccepts("second-token");
        assertThat(putJson(PATH, ALL_TENANTS_KEY, body(alationUrl(), 81, REFRESH_TOKEN)).status()).isEqualTo(200);
        assertThat(putJson(PATH, ALL_TENANTS_KEY, body(alationUrl() + "/", 81, "second-token")).status())
                .isEqualTo(200);

        assertThat(rows()).hasSize(1);
        assertThat(cipher.decrypt("acme", (String) rows().get(0).get("refresh_token_encrypted")))
                .isEqualTo("second-token");
    }

    @Test
    void dataSourceLinksAreStoredEchoedAndReplaced() {
        String links = ", \"data_source_links\": [{\"data_source_name\": \"dwh_prod\", \"alation_data_source_id\": 251},"
                + " {\"data_source_name\": \"analytics\", \"alation_data_source_id\": 7}]}";
        Answer put = putJson(PATH + "?validate=false", ALL_TENANTS_KEY,
                body("https://alation.example.com", 7, "t").replaceFirst("}$", links));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("data_source_links").toString()).isEqualTo(
                "[{\"data_source_name\":\"dwh_prod\",\"alation_data_source_id\":251},"
                        + "{\"data_source_name\":\"analytics\",\"alation_data_source_id\":7}]");

        Answer got = get(PATH, ALL_TENANTS_KEY);
        assertThat(got.json().get("data_source_links").toString()).isEqualTo(
                "[{\"data_source_name\":\"analytics\",\"alation_data_source_id\":7},"
                        + "{\"data_source_name\":\"dwh_prod\",\"alation_data_source_id\":251}]");
        assertThat(jdbc.queryForList("SELECT data_source_name, alation_data_source_id FROM alation_data_source_link"
                + " WHERE tenant_id = 'acme' ORDER BY data_source_name")).containsExactly(
                Map.of("data_source_name", "analytics", "alation_data_source_id", 7L),
                Map.of("data_source_name", "dwh_prod", "alation_data_source_id", 251L));

        assertThat(putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body("https://alation.example.com", 7, "t"))
                .status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alation_data_source_link", Integer.class)).isZero();

        Answer invalid = putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body("https://alation.example.com", 7, "t")
                .replaceFirst("}$", ", \"data_source_links\": [{\"data_source_name\": \"\", \"alation_data_source_id\": 0}]}"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactly(
                "data_source_links[0].data_source_name", "data_source_links[0].alation_data_source_id");
    }

    @Test
    void theUrlIsEchoedExactlyAsGivenWhileThePipelinesUseItWithoutItsTrailingSlash() {
        String given = "https://dq-partner.mtse.alationcloud.com/";

        Answer put = putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body(given, 7, "t"));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("url").asText()).isEqualTo(given);
        assertThat(get(PATH, ALL_TENANTS_KEY).json().get("url").asText()).isEqualTo(given);
        // what the client pipelines read (sql/alation-connection-select.sql) is the normalised form
        assertThat(jdbc.queryForMap("SELECT url, given_url FROM alation_integration WHERE tenant_id = 'acme'"))
                .isEqualTo(Map.of("url", "https://dq-partner.mtse.alationcloud.com", "given_url", given));

        // and a second PUT replaces both
        assertThat(putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body("https://alation.example.com//", 7, "t"))
                .json().get("url").asText()).isEqualTo("https://alation.example.com//");
        assertThat(jdbc.queryForMap("SELECT url, given_url FROM alation_integration WHERE tenant_id = 'acme'"))
                .isEqualTo(Map.of("url", "https://alation.example.com", "given_url", "https://alation.example.com//"));
    }

    @Test
    void validateFalseStoresWithoutAskingAlation() {
        Answer put = putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body("https://alation.invalid", 7, "t"));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("url").asText()).isEqualTo("https://alation.invalid");
        assertThat(alation.getAllServeEvents()).isEmpty();
        assertThat(rows()).extracting(r -> r.get("url")).containsExactly("https://alation.invalid");
    }

    @Test
    void invalidFieldsAreAnswered400NamingEachFieldAndNothingIsStoredOrSent() {
        Answer answer = putJson(PATH, ALL_TENANTS_KEY,
                "{\"url\": \"ftp://alation.example.com\", \"user_id\": 0, \"refresh_api_token\": \"\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("title").asText()).isEqualTo("Bad Request");
        assertThat(answer.json().get("errors").findValuesAsText("field"))
                .containsExactly("url", "user_id", "refresh_api_token");
        assertThat(rows()).isEmpty();
        assertThat(alation.getAllServeEvents()).isEmpty();
    }

    @Test
    void qualitySettingsAreStoredAndEchoedAndAbsentOnesTakeTheirDefaults() {
        Answer put = putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body(alationUrl(), 81, "t").replace("}",
                ", \"quality\": {\"push\": false, \"rich_text_field_id\": 10012}}"));

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        String expected = "{\"push\":false,\"trust_flags\":true,\"rich_text_field_id\":10012}";
        assertThat(put.json().get("quality").toString()).isEqualTo(expected);
        assertThat(get(PATH, ALL_TENANTS_KEY).json().get("quality").toString()).isEqualTo(expected);
        assertThat(jdbc.queryForMap("SELECT quality_push, quality_trust_flags, quality_rich_text_field_id FROM"
                + " alation_integration WHERE tenant_id = 'acme'")).isEqualTo(Map.of("quality_push", false,
                "quality_trust_flags", true, "quality_rich_text_field_id", 10012L));
        // push off: Alation is no destination of the tenant's results
        assertThat(jdbc.queryForList("SELECT tenant_id FROM alation_integration WHERE tenant_id = 'acme' AND"
                + " quality_push")).isEmpty();

        // a body without the object is the defaults again
        putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body(alationUrl(), 81, "t"));
        assertThat(get(PATH, ALL_TENANTS_KEY).json().get("quality").toString())
                .isEqualTo("{\"push\":true,\"trust_flags\":true,\"rich_text_field_id\":null}");
    }

    @Test
    void invalidQualitySettingsAre400NamingEachFieldAndNothingIsStored() {
        Answer answer = putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body(alationUrl(), 81, "t").replace("}",
                ", \"quality\": {\"pusj\": true, \"rich_text_field_id\": 0}}"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsText("field"))
                .containsExactly("quality.pusj", "quality.rich_text_field_id");
        assertThat(answer.json().get("errors").get(0).get("detail").asText()).contains("push, trust_flags");

        for (String quality : List.of("{\"push\": \"yes\"}", "{\"trust_flags\": [true]}",
                "{\"rich_text_field_id\": 1.5}", "{\"rich_text_field_id\": \"ten\"}", "\"on\"")) {
            Answer wrong = putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body(alationUrl(), 81, "t")
                    .replace("}", ", \"quality\": " + quality + "}"));
            assertThat(wrong.status()).as(quality).isEqualTo(400);
            assertThat(wrong.json().get("errors").get(0).get("field").asText()).as(quality).startsWith("quality");
        }
        assertThat(rows()).isEmpty();
    }

    @Test
    void missingFieldsAreEachNamed() {
        Answer answer = putJson(PATH, ALL_TENANTS_KEY, "{}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsText("field"))
                .containsExactly("url", "user_id", "refresh_api_token");
    }

    @Test
    void linkLocalAndMetadataHostsAreRefused() {
        for (String url : List.of("http://169.254.169.254", "http://[fe80::1]", "http://metadata.google.internal",
                "http://169.254.10.10:8080")) {
            Answer answer = putJson(PATH, ALL_TENANTS_KEY, body(url, 1, "t"));
            assertThat(answer.status()).as(url).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("url");
            assertThat(answer.json().get("errors").get(0).get("detail").asText()).contains("link-local");
        }
        assertThat(rows()).isEmpty();
    }

    @Test
    void aTokenOver4KiBIsRefused() {
        Answer answer = putJson(PATH, ALL_TENANTS_KEY, body(alationUrl(), 1, "x".repeat(4097)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("refresh_api_token");
        assertThat(answer.json().get("errors").get(0).get("detail").asText()).contains("4 KiB");
    }

    @Test
    void malformedJsonIs400WithoutEchoingTheBody() {
        Answer answer = putJson(PATH, ALL_TENANTS_KEY, "{\"url\": \"https://a.example\", \"refresh_api_token\": s3cr3t}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).startsWith("Malformed JSON");
        assertThat(answer.body()).doesNotContain("s3cr3t");
    }

    @Test
    void wrongTypesAre400NamingTheField() {
        Answer answer = putJson(PATH, ALL_TENANTS_KEY,
                "{\"url\": \"https://a.example\", \"user_id\": \"eighty\", \"refresh_api_token\": \"t\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("user_id");

        Answer fractional = putJson(PATH, ALL_TENANTS_KEY,
                "{\"url\": \"https://a.example\", \"user_id\": 1.5, \"refresh_api_token\": \"t\"}");
        assertThat(fractional.status()).isEqualTo(400);
    }

    @Test
    void credentialsAlationRejectsAre422WithItsReasonAndTheEarlierIntegrationStays() {
        alationAccepts(REFRESH_TOKEN);
        assertThat(putJson(PATH, ALL_TENANTS_KEY, body(alationUrl(), 81, REFRESH_TOKEN)).status()).isEqualTo(200);
        alation.stubFor(post(urlEqualTo(TOKEN_PATH))
                .withRequestBody(equalToJson("{\"refresh_token\": \"revoked\", \"user_id\": 81}"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\": \"Refresh token provided is invalid.\", \"code\": \"401000\"}")));

        Answer answer = putJson(PATH, ALL_TENANTS_KEY, body("https://other.example", 81, "revoked").replace(
                "https://other.example", alationUrl()));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("Refresh token provided is invalid.");
        assertThat(rows()).hasSize(1);
        assertThat(cipher.decrypt("acme", (String) rows().get(0).get("refresh_token_encrypted")))
                .isEqualTo(REFRESH_TOKEN);
    }

    @Test
    void aSuccessWithoutAnAccessTokenIsARejection() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\": \"failed\"}")));

        Answer answer = putJson(PATH, ALL_TENANTS_KEY, body(alationUrl(), 81, REFRESH_TOKEN));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("detail").asText()).contains("no access token");
        assertThat(rows()).isEmpty();
    }

    @Test
    void alationFailingIs502AndNothingIsStored() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html>Service Unavailable</html>")));

        Answer answer = putJson(PATH, ALL_TENANTS_KEY, body(alationUrl(), 81, REFRESH_TOKEN));

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("503");
        assertThat(answer.json().get("instance").asText()).isEqualTo(PATH);
        assertThat(rows()).isEmpty();
    }

    @Test
    void alationTimingOutIs502() {
        alationAccepts(REFRESH_TOKEN);
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(201).withFixedDelay(5_000)
                .withBody("{}")));

        Answer answer = putJson(PATH, ALL_TENANTS_KEY, body(alationUrl(), 81, REFRESH_TOKEN));

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().get("detail").asText()).contains("could not be reached");
        assertThat(rows()).isEmpty();
    }

    @Test
    void alationUnreachableIs502() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Answer answer = putJson(PATH, ALL_TENANTS_KEY, body("http://127.0.0.1:" + closedPort, 81, REFRESH_TOKEN));

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().get("detail").asText()).contains("could not be reached");
        assertThat(rows()).isEmpty();
    }

    @Test
    void wrongMethodIs405AndWrongMediaTypeIs415AsProblems() {
        Answer post = call("POST", PATH, ALL_TENANTS_KEY, "application/json", "{}");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.contentType()).startsWith("application/problem+json");
        assertThat(post.json().get("status").asInt()).isEqualTo(405);

        Answer text = call("PUT", PATH, ALL_TENANTS_KEY, "text/plain", body(alationUrl(), 81, REFRESH_TOKEN));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(rows()).isEmpty();
    }

    // --- Alation's answers to the credential check, as real instances give them -------------------------------

    @Test
    void anAnswerOfAlationsThatCannotBeReadIs502NamingTheEndpointNotTheCallersFault() {
        for (var answerOfAlation : List.of(
                aResponse().withStatus(201).withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<html><body>Please sign in</body></html>"),
                aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>SSO</html>"),
                aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"api_access_token\": \"access-token-9a8b7c\", \"user_id\": 8"),
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("[1, 2]"))) {
            alation.resetAll();
            alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(answerOfAlation));

            Answer answer = putJson(PATH, ALL_TENANTS_KEY, body(alationUrl(), 81, REFRESH_TOKEN));

            assertThat(answer.status()).as(answer.body()).isEqualTo(502);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asText())
                    .startsWith("Alation's answer to POST /integration/v1/createAPIAccessToken/ could not be read: ")
                    .doesNotContain("Malformed JSON in the request body").doesNotContain("com.fasterxml")
                    .doesNotContain("access-token-9a8b7c");
            alation.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        }
        assertThat(rows()).isEmpty();
    }

    @Test
    void aTokenExpiryWithoutAZoneIsReadAsUtc() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"api_access_token": "access-token-9a8b7c", "user_id": 81,
                         "created_at": "2023-05-19T15:16:10.222161",
                         "token_expires_at": "2099-05-20T15:16:10.222161", "token_status": "ACTIVE"}""")));

        Answer answer = putJson(PATH, ALL_TENANTS_KEY, body(alationUrl(), 81, REFRESH_TOKEN));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(rows()).extracting(r -> r.get("url")).containsExactly(alationUrl());
    }

    @Test
    void theCredentialCheckRetriesThrottlingAndServerErrorsWithTheCallsRetryPolicy() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")).willSetStateTo("throttling"));
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("busy").whenScenarioStateIs("throttling")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("up"));
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("busy").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"api_access_token\": \"access-token-9a8b7c\", \"user_id\": 81}")));

        Answer saved = putJson(PATH, ALL_TENANTS_KEY, body(alationUrl(), 81, REFRESH_TOKEN));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var requests = alation.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(requests).hasSize(3);
        // the backoff here is 20 ms: only Retry-After explains a second between the 429 and the next attempt
        assertThat(requests.get(2).getLoggedDate().getTime() - requests.get(1).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(1000);
        assertThat(rows()).hasSize(1);
    }

    @Test
    void theCredentialCheckGivesUpAfterMaxAttemptsWith502AndARefusalIs422AtOnce() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(429)));

        Answer throttled = putJson(PATH, ALL_TENANTS_KEY, body(alationUrl(), 81, REFRESH_TOKEN));

        assertThat(throttled.status()).isEqualTo(502);
        assertThat(throttled.json().get("detail").asText()).contains("POST /integration/v1/createAPIAccessToken/")
                .contains("4 times").contains("HTTP 429");
        alation.verify(4, postRequestedFor(urlEqualTo(TOKEN_PATH)));

        alation.resetAll();
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": \"Refresh token provided is invalid.\", \"code\": \"401000\"}")));

        Answer refused = putJson(PATH, ALL_TENANTS_KEY, body(alationUrl(), 81, REFRESH_TOKEN));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("Refresh token provided is invalid.");
        alation.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(rows()).isEmpty();
    }
}
