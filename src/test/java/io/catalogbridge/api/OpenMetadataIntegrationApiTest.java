package io.catalogbridge.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.catalogbridge.openmetadata.OpenMetadataStubs.JWT;
import static io.catalogbridge.openmetadata.OpenMetadataStubs.USER_PATH;
import static io.catalogbridge.openmetadata.OpenMetadataStubs.botUser;
import static io.catalogbridge.openmetadata.OpenMetadataStubs.headersOf;
import static io.catalogbridge.openmetadata.OpenMetadataStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.crypto.TokenCipher;
import io.catalogbridge.openmetadata.OpenMetadataStubs;
import java.net.ServerSocket;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PUT, GET and DELETE /{tenant}/configuration/integrations/openmetadata, with WireMock as OpenMetadata: the token's
 * check, its storage, the links and the quality settings (defaults, echo, 400s).
 */
class OpenMetadataIntegrationApiTest extends ApiTestSupport {

    private static final String PATH = "/acme/configuration/integrations/openmetadata";

    @RegisterExtension
    static final WireMockExtension openmetadata = OpenMetadataStubs.server();

    @Autowired
    TokenCipher cipher;

    private static String body(String url, String token) {
        return "{\"url\": \"" + url + "\", \"jwt_token\": \"" + token + "\"}";
    }

    private static String withLinks(String body, String links) {
        return body.replaceFirst("}$", ", \"data_source_links\": " + links + "}");
    }

    private void openmetadataAccepts() {
        openmetadata.stubFor(WireMock.get(urlEqualTo(USER_PATH)).withHeader("Authorization", equalTo("Bearer " + JWT))
                .willReturn(botUser()));
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT tenant_id, url, given_url, jwt_token_encrypted, jwt_expires_at, version"
                + " FROM openmetadata_integration");
    }

    private List<Map<String, Object>> linkRows() {
        return jdbc.queryForList("SELECT tenant_id, data_source_name, service_name FROM openmetadata_data_source_link"
                + " ORDER BY data_source_name");
    }

    @Test
    void putGetDeleteRoundTripChecksTheTokenStoresItEncryptedAndNeverShowsIt() {
        openmetadataAccepts();
        String given = openmetadata.baseUrl() + "/";

        Answer put = putJson(PATH, ALL_TENANTS_KEY, withLinks(body(given, JWT),
                "[{\"data_source_name\": \"dwh_prod\", \"service_name\": \"snowflake_prod\"}]"));

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.contentType()).startsWith("application/json");
        assertThat(put.body()).isEqualTo("{\"url\":\"" + given + "\",\"data_source_links\":"
                + "[{\"data_source_name\":\"dwh_prod\",\"service_name\":\"snowflake_prod\"}],"
                + "\"quality\":{\"push\":true}}");

        // OpenMetadata got the JWT as a bearer token, and nothing of the caller's request (its API key above all)
        var requests = openmetadata.findAll(getRequestedFor(urlEqualTo(USER_PATH)));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer " + JWT);
        assertThat(requests.get(0).getHeader("Accept")).isEqualTo("application/json");
        assertThat(headersOf(requests.get(0))).doesNotContain(ALL_TENANTS_KEY).doesNotContain("tenant");

        List<Map<String, Object>> rows = rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("tenant_id", "acme").containsEntry("url", openmetadata.baseUrl())
                .containsEntry("given_url", given).containsEntry("version", 1L);
        String stored = (String) rows.get(0).get("jwt_token_encrypted");
        assertThat(stored).startsWith("v1:").doesNotContain(JWT);
        assertThat(cipher.decrypt("acme", stored)).isEqualTo(JWT);
        assertThat(jdbc.queryForObject("SELECT jwt_expires_at FROM openmetadata_integration", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(linkRows()).containsExactly(
                Map.of("tenant_id", "acme", "data_source_name", "dwh_prod", "service_name", "snowflake_prod"));

        Answer got = get(PATH, ALL_TENANTS_KEY);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(put.body()).doesNotContain(JWT);

        Answer deleted = delete(PATH, ALL_TENANTS_KEY);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"message\":\"OpenMetadata integration configuration deleted successfully\"}");
        assertThat(rows()).isEmpty();
        assertThat(linkRows()).isEmpty();

        Answer gone = get(PATH, ALL_TENANTS_KEY);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.json().get("detail").asText()).isEqualTo("No OpenMetadata integration is configured for tenant acme");
        Answer deletedAgain = delete(PATH, ALL_TENANTS_KEY);
        assertThat(deletedAgain.status()).isEqualTo(404);
        assertThat(deletedAgain.contentType()).startsWith("application/problem+json");
        assertThat(openmetadata.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aSecondPutReplacesTheTokenAndTheLinksAndBumpsTheVersion() {
        String first = withLinks(body("https://om.example.com", JWT),
                "[{\"data_source_name\": \"dwh\", \"service_name\": \"pg_prod\"},"
                        + " {\"data_source_name\": \"lake\", \"service_name\": \"Snowflake Prod (EU).v2\"}]");
        assertThat(putJson(PATH + "?validate=false", ALL_TENANTS_KEY, first).status()).isEqualTo(200);
        assertThat(get(PATH, ALL_TENANTS_KEY).json().get("data_source_links").toString()).isEqualTo(
                "[{\"data_source_name\":\"dwh\",\"service_name\":\"pg_prod\"},"
                        + "{\"data_source_name\":\"lake\",\"service_name\":\"Snowflake Prod (EU).v2\"}]");

        // an opaque personal token: its expiry cannot be read, so none is stored
        Answer second = putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body("https://om2.example.com//", "opaque-pat_1"));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("{\"url\":\"https://om2.example.com//\""
                + ",\"data_source_links\":[],\"quality\":{\"push\":true}}");
        List<Map<String, Object>> rows = rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("url", "https://om2.example.com")
                .containsEntry("given_url", "https://om2.example.com//").containsEntry("version", 2L)
                .containsEntry("jwt_expires_at", null);
        assertThat(cipher.decrypt("acme", (String) rows.get(0).get("jwt_token_encrypted"))).isEqualTo("opaque-pat_1");
        assertThat(linkRows()).isEmpty();
        assertThat(openmetadata.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTokenOpenMetadataRefusesIs422WithItsMessageAndTheEarlierIntegrationStays() {
        assertThat(putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body(openmetadata.baseUrl(), JWT)).status())
                .isEqualTo(200);
        String expired = OpenMetadataStubs.jwt("{\"sub\":\"expired-bot\",\"exp\":1706745600}");
        String revoked = OpenMetadataStubs.jwt("{\"sub\":\"revoked-bot\"}");
        openmetadata.stubFor(WireMock.get(urlEqualTo(USER_PATH)).withHeader("Authorization", equalTo("Bearer " + expired))
                .willReturn(json(401, "{\"code\": 401, \"message\": \"Expired token!\"}")));
        openmetadata.stubFor(WireMock.get(urlEqualTo(USER_PATH)).withHeader("Authorization", equalTo("Bearer " + revoked))
                .willReturn(json(403, "{\"code\": 403, \"message\": \"Principal: revoked-bot is not allowed\"}")));

        Answer unauthorized = putJson(PATH, ALL_TENANTS_KEY, body(openmetadata.baseUrl(), expired));
        Answer forbidden = putJson(PATH, ALL_TENANTS_KEY, body(openmetadata.baseUrl(), revoked));

        assertThat(unauthorized.status()).isEqualTo(422);
        assertThat(unauthorized.contentType()).startsWith("application/problem+json");
        assertThat(unauthorized.json().get("detail").asText()).isEqualTo(
                "OpenMetadata refused the token (401: expired, revoked or not OpenMetadata's): Expired token!");
        assertThat(unauthorized.body()).doesNotContain(expired);
        assertThat(forbidden.status()).isEqualTo(422);
        assertThat(forbidden.json().get("detail").asText())
                .isEqualTo("OpenMetadata refused the token (403: not allowed): Principal: revoked-bot is not allowed");
        // a refusal is final: asked once each
        openmetadata.verify(2, getRequestedFor(urlEqualTo(USER_PATH)));
        assertThat(rows()).hasSize(1);
        assertThat(cipher.decrypt("acme", (String) rows().get(0).get("jwt_token_encrypted"))).isEqualTo(JWT);
        assertThat(rows().get(0)).containsEntry("version", 1L);
    }

    @Test
    void openMetadataFailingIs502AfterItsAttemptsAndNothingIsStored() {
        openmetadata.stubFor(WireMock.get(urlEqualTo(USER_PATH)).willReturn(WireMock.aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"code\": 500, \"message\": \"boom\"}")));

        Answer answer = putJson(PATH, ALL_TENANTS_KEY, body(openmetadata.baseUrl(), JWT));

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).isEqualTo(
                "OpenMetadata failed GET /v1/users/loggedInUser 4 times in a row (last: HTTP 500); giving up");
        assertThat(answer.json().get("instance").asText()).isEqualTo(PATH);
        openmetadata.verify(4, getRequestedFor(urlEqualTo(USER_PATH)));
        assertThat(rows()).isEmpty();
    }

    @Test
    void openMetadataUnreachableIs502AndNothingIsStored() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Answer answer = putJson(PATH, ALL_TENANTS_KEY, body("http://127.0.0.1:" + closedPort, JWT));

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().get("detail").asText())
                .startsWith("OpenMetadata could not be reached for GET /v1/users/loggedInUser 4 times in a row");
        assertThat(rows()).isEmpty();
    }

    @Test
    void throttlingAndABusyServerAreRiddenOutHonouringRetryAfter() {
        openmetadata.stubFor(WireMock.get(urlEqualTo(USER_PATH)).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(WireMock.aResponse().withStatus(503).withBody("<html>busy</html>")).willSetStateTo("throttling"));
        openmetadata.stubFor(WireMock.get(urlEqualTo(USER_PATH)).inScenario("busy").whenScenarioStateIs("throttling")
                .willReturn(WireMock.aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("up"));
        openmetadata.stubFor(WireMock.get(urlEqualTo(USER_PATH)).inScenario("busy").whenScenarioStateIs("up")
                .willReturn(botUser()));

        Answer saved = putJson(PATH, ALL_TENANTS_KEY, body(openmetadata.baseUrl(), JWT));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var requests = openmetadata.findAll(getRequestedFor(urlEqualTo(USER_PATH)));
        assertThat(requests).hasSize(3);
        // the backoff here is 20 ms: only Retry-After explains a second between the 429 and the next attempt
        assertThat(requests.get(2).getLoggedDate().getTime() - requests.get(1).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(1000);
        assertThat(rows()).hasSize(1);
    }

    @Test
    void anAnswerThatIsNoUserIs502AndNothingIsStored() {
        for (var answerOfOpenMetadata : List.of(
                WireMock.aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>SSO</html>"),
                json(404, "{\"code\": 404, \"message\": \"HTTP 404 Not Found\"}"))) {
            openmetadata.resetAll();
            openmetadata.stubFor(WireMock.get(urlEqualTo(USER_PATH)).willReturn(answerOfOpenMetadata));

            Answer answer = putJson(PATH, ALL_TENANTS_KEY, body(openmetadata.baseUrl(), JWT));

            assertThat(answer.status()).as(answer.body()).isEqualTo(502);
            assertThat(answer.json().get("detail").asText()).startsWith("OpenMetadata")
                    .contains("GET /v1/users/loggedInUser").doesNotContain("com.fasterxml");
            openmetadata.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
        }
        assertThat(rows()).isEmpty();
    }

    @Test
    void validateFalseStoresWithoutAskingOpenMetadata() {
        Answer put = putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body("https://om.invalid", JWT));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"url\":\"https://om.invalid\""
                + ",\"data_source_links\":[],\"quality\":{\"push\":true}}");
        assertThat(openmetadata.getAllServeEvents()).isEmpty();
        assertThat(rows()).extracting(r -> r.get("url")).containsExactly("https://om.invalid");
    }

    @Test
    void invalidFieldsAre400NamingEachFieldAndNothingIsStoredOrSent() {
        Answer answer = putJson(PATH, ALL_TENANTS_KEY, withLinks(body("ftp://om.example.com", ""),
                "[{\"data_source_name\": \"dwh\", \"service_name\": \"a::b\"}]"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsText("field"))
                .containsExactly("url", "jwt_token", "data_source_links[0].service_name");
        assertThat(putJson(PATH, ALL_TENANTS_KEY, "{}").json().get("errors").findValuesAsText("field"))
                .containsExactly("url", "jwt_token");
        assertThat(rows()).isEmpty();
        assertThat(openmetadata.getAllServeEvents()).isEmpty();
    }

    @Test
    void qualitySettingsDefaultToPushOnAreStoredAndEchoedByPutAndGet() {
        Answer defaults = putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body("https://om.example.com", JWT));
        assertThat(defaults.json().get("quality").toString()).isEqualTo("{\"push\":true}");
        assertThat(jdbc.queryForObject("SELECT quality_push FROM openmetadata_integration", Boolean.class)).isTrue();

        Answer off = putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body("https://om.example.com", JWT)
                .replaceFirst("}$", ", \"quality\": {\"push\": false}}"));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().get("quality").toString()).isEqualTo("{\"push\":false}");
        assertThat(get(PATH, ALL_TENANTS_KEY).body()).isEqualTo("{\"url\":\"https://om.example.com\""
                + ",\"data_source_links\":[],\"quality\":{\"push\":false}}");
        assertThat(jdbc.queryForObject("SELECT quality_push FROM openmetadata_integration", Boolean.class)).isFalse();

        // an empty object and a null are the defaults: the push is on again
        Answer empty = putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body("https://om.example.com", JWT)
                .replaceFirst("}$", ", \"quality\": {}}"));
        assertThat(empty.json().get("quality").toString()).isEqualTo("{\"push\":true}");
        assertThat(putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body("https://om.example.com", JWT)
                .replaceFirst("}$", ", \"quality\": null}")).json().get("quality").toString())
                .isEqualTo("{\"push\":true}");
        assertThat(get(PATH, ALL_TENANTS_KEY).json().get("quality").toString()).isEqualTo("{\"push\":true}");
    }

    @Test
    void badQualitySettingsAre400NamingTheirFieldAndNothingChanges() {
        assertThat(putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body("https://om.example.com", JWT)
                .replaceFirst("}$", ", \"quality\": {\"push\": false}}")).status()).isEqualTo(200);
        for (String[] bad : new String[][] {
                {"{\"push\": \"yes\"}", "quality.push", "must be true or false"},
                {"{\"push\": \"true\"}", "quality.push", "must be true or false"},
                {"{\"push\": 1}", "quality.push", "must be true or false"},
                {"{\"push\": null}", "quality.push", "must be true or false"},
                {"{\"push\": true, \"warnings\": \"success\"}", "quality.warnings",
                        "is not a setting (the only one is push)"},
                {"true", "quality", "must be an object, e.g. {\"push\": true}"},
                {"[{\"push\": true}]", "quality", "must be an object, e.g. {\"push\": true}"}}) {
            Answer answer = putJson(PATH + "?validate=false", ALL_TENANTS_KEY, body("https://om2.example.com", JWT)
                    .replaceFirst("}$", ", \"quality\": " + bad[0] + "}"));
            assertThat(answer.status()).as(bad[0]).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("errors")).as(bad[0]).hasSize(1);
            assertThat(answer.json().at("/errors/0/field").asText()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(answer.json().at("/errors/0/detail").asText()).as(bad[0]).isEqualTo(bad[2]);
        }
        // the integration stored before is untouched
        assertThat(get(PATH, ALL_TENANTS_KEY).body()).isEqualTo("{\"url\":\"https://om.example.com\""
                + ",\"data_source_links\":[],\"quality\":{\"push\":false}}");
    }

    @Test
    void malformedJsonAndWrongTypesAre400WithoutEchoingTheToken() {
        Answer malformed = putJson(PATH, ALL_TENANTS_KEY, "{\"url\": \"https://om.example.com\", \"jwt_token\": s3cr3t}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asText()).startsWith("Malformed JSON");
        assertThat(malformed.body()).doesNotContain("s3cr3t");

        Answer wrongType = putJson(PATH, ALL_TENANTS_KEY, "{\"url\": \"https://om.example.com\", \"jwt_token\": \"t\","
                + " \"data_source_links\": {\"dwh\": \"pg\"}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asText()).isEqualTo("data_source_links");
        assertThat(rows()).isEmpty();
    }

    @Test
    void anotherTenantsKeyIs403AndWrongMediaTypeIs415() {
        Answer otherTenant = call("PUT", "/globex/configuration/integrations/openmetadata", ACME_ONLY_KEY,
                "application/json", body("https://om.example.com", JWT));
        assertThat(otherTenant.status()).isEqualTo(403);

        Answer text = call("PUT", PATH, ALL_TENANTS_KEY, "text/plain", body("https://om.example.com", JWT));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(rows()).isEmpty();
    }
}
