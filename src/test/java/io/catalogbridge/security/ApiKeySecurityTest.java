package io.catalogbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecurityTest extends ApiTestSupport {

    private static final String PATH = "/configuration/integrations/alation";

    private void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
    }

    @Test
    void noKeyIs401WithABearerChallenge() {
        Answer answer = get("/acme" + PATH, null);

        assertProblem(answer, 401);
        assertThat(answer.json().get("detail").asText()).contains("API key");
    }

    @Test
    void anUnknownKeyIs401() {
        assertProblem(get("/acme" + PATH, "not-a-key"), 401);
        assertProblem(call("GET", "/acme" + PATH, null, null, null), 401);
    }

    @Test
    void aKeyUsedOnAnotherTenantIs403AndChangesNothing() {
        jdbc.update("INSERT INTO alation_integration (tenant_id, url, user_id, refresh_token_encrypted)"
                + " VALUES ('globex', 'https://globex.example', 5, 'v1:x')");

        Answer read = get("/globex" + PATH, ACME_ONLY_KEY);
        assertProblem(read, 403);
        assertThat(read.body()).doesNotContain("globex.example");

        assertProblem(delete("/globex" + PATH, ACME_ONLY_KEY), 403);
        assertProblem(putJson("/globex" + PATH + "?validate=false", ACME_ONLY_KEY,
                "{\"url\": \"https://evil.example\", \"user_id\": 1, \"refresh_api_token\": \"t\"}"), 403);
        assertThat(jdbc.queryForObject("SELECT url FROM alation_integration WHERE tenant_id = 'globex'",
                String.class)).isEqualTo("https://globex.example");
    }

    @Test
    void aKeyOpensItsOwnTenantAndTheWildcardKeyOpensEveryTenant() {
        assertProblem(get("/acme" + PATH, ACME_ONLY_KEY), 404);
        assertProblem(get("/globex" + PATH, ALL_TENANTS_KEY), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-acme", "_acme", "ac.me", "ac%20me", "acme%21",
            "a12345678901234567890123456789012345678901234567890123456789012345"})
    void malformedTenantIdsAre400(String tenant) {
        Answer answer = get("/" + tenant + PATH, ALL_TENANTS_KEY);

        assertProblem(answer, 400);
    }

    @Test
    void theLongestValidTenantIdIsAccepted() {
        String tenant = "a" + "b".repeat(63);
        assertProblem(get("/" + tenant + PATH, ALL_TENANTS_KEY), 404);
    }

    @Test
    void healthAndTheApiDocumentAreOpenButOtherActuatorEndpointsNeedAnOperatorKey() {
        Answer health = get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");

        assertThat(get("/api-doc", null).status()).isEqualTo(200);

        assertProblem(get("/actuator/camelroutes", null), 401);
        assertProblem(get("/actuator/camelroutes", ACME_ONLY_KEY), 403);
        Answer routes = get("/actuator/camelroutes", ALL_TENANTS_KEY);
        assertThat(routes.status()).isEqualTo(200);
        assertThat(routes.json().findValuesAsText("id")).contains("put-alation-integration");
    }

    @Test
    void healthShowsTheDatabaseToKeyHolders() {
        Answer health = get("/actuator/health", ALL_TENANTS_KEY);

        assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    }
}
