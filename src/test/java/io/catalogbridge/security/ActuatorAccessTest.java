package io.catalogbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The actuator is for operators (keys valid for every tenant); health and its probes stay open, with details for
 * operators only. Its errors are problem+json like the API's, never a 500.
 */
@TestPropertySource(properties = "catalog-bridge.security.admin-key=" + ActuatorAccessTest.ADMIN_KEY)
class ActuatorAccessTest extends ApiTestSupport {

    static final String ADMIN_KEY = "test-admin-key-for-operators";
    private static final String ROUTE = "put-alation-integration";

    private void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("title").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/camelroutes", "/actuator/camelroutes/" + ROUTE + "/info",
            "/actuator/metrics", "/actuator/metrics/catalog_bridge.alation.requests", "/actuator/info",
            "/actuator/prometheus"})
    void aKeyLimitedToSomeTenantsIs403OnTheActuator(String path) {
        Answer answer = get(path, ACME_ONLY_KEY);

        assertProblem(answer, 403);
        assertThat(answer.json().get("detail").asText()).contains("operator");
        assertThat(answer.json().get("instance").asText()).isEqualTo(path);
        assertThat(answer.body()).doesNotContain(ROUTE + "\"").doesNotContain("jvm.memory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/camelroutes", "/actuator/metrics", "/actuator/prometheus"})
    void withoutAKeyTheActuatorIs401(String path) {
        assertProblem(get(path, null), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALL_TENANTS_KEY, ADMIN_KEY})
    void anOperatorKeyReadsTheActuator(String key) {
        Answer routes = get("/actuator/camelroutes", key);
        assertThat(routes.status()).isEqualTo(200);
        assertThat(routes.json().findValuesAsText("id")).contains(ROUTE);

        Answer metrics = get("/actuator/metrics", key);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.json().get("names").toString()).contains("jvm.memory.used");
    }

    @Test
    void healthAndItsProbesStayOpenWithDetailsForOperatorsOnly() {
        for (String key : new String[] {null, ACME_ONLY_KEY}) {
            Answer health = get("/actuator/health", key);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(health.json().has("components")).as("details for key %s", key).isFalse();
        }
        assertThat(get("/actuator/health/liveness", null).json().get("status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness", ACME_ONLY_KEY).json().get("status").asText()).isEqualTo("UP");

        Answer operator = get("/actuator/health", ALL_TENANTS_KEY);
        assertThat(operator.json().at("/components/db/status").asText()).isEqualTo("UP");
    }

    @Test
    void stoppingARouteIsRefusedWith405AndTheRouteKeepsRunning() {
        for (String action : new String[] {"stop", "suspend", "start", "reset", "resume"}) {
            Answer answer = call("POST", "/actuator/camelroutes/" + ROUTE + "/" + action, ALL_TENANTS_KEY,
                    "application/json", "{}");
            assertProblem(answer, 405);
            assertThat(answer.json().get("instance").asText()).endsWith("/" + action);
        }
        assertProblem(call("POST", "/actuator/camelroutes/" + ROUTE + "/stop", ALL_TENANTS_KEY, null, null), 405);
        assertProblem(call("POST", "/actuator/camelroutes/no-such-route/stop", ALL_TENANTS_KEY, "application/json",
                "{\"timeout\": 1}"), 405);

        Answer info = get("/actuator/camelroutes/" + ROUTE + "/info", ALL_TENANTS_KEY);
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("status").asText()).isEqualTo("Started");
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "detail"})
    void anUnknownRouteIs404(String action) {
        Answer answer = get("/actuator/camelroutes/no-such-route/" + action, ALL_TENANTS_KEY);

        assertProblem(answer, 404);
        assertThat(answer.json().get("detail").asText()).contains("no-such-route");
    }

    @Test
    void anUnknownReadActionIs400() {
        assertProblem(get("/actuator/camelroutes/" + ROUTE + "/explode", ALL_TENANTS_KEY), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/metrics/no.such.metric", "/actuator/health/no-such-group"})
    void anUnknownMetricOrHealthGroupIs404(String path) {
        Answer answer = get(path, ALL_TENANTS_KEY);

        assertProblem(answer, 404);
        assertThat(answer.json().get("instance").asText()).isEqualTo(path);
    }
}
