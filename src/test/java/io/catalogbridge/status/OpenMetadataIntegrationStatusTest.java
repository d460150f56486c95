package io.catalogbridge.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulator;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulatorSettings;
import io.catalogbridge.openmetadata.simulator.Principal;
import io.micrometer.core.instrument.Gauge;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /{tenant}/configuration/integrations/openmetadata/status over HTTP against the OpenMetadata simulator: the
 * credential from the stored JWT's exp (none, in 30 days, in 5 days, past), a token OpenMetadata refused in a call,
 * the health rows, and the catalog's own jobs and deliveries.
 */
class OpenMetadataIntegrationStatusTest extends IntegrationStatusTestSupport {

    private static final String STATUS = "/acme/configuration/integrations/openmetadata/status";
    private static final Instant IN_30_DAYS = Instant.now().plus(Duration.ofDays(30)).plusSeconds(3600);
    private static final Instant IN_5_DAYS = Instant.now().plus(Duration.ofDays(5)).plusSeconds(3600);
    private static final String MONTH_TOKEN = jwt("month-bot", IN_30_DAYS);
    private static final String SOON_TOKEN = jwt("soon-bot", IN_5_DAYS);
    /** A JWT the simulator does not know: every call with it is a 401. */
    private static final String UNKNOWN_TOKEN = jwt("stranger-bot", Instant.parse("2100-01-01T00:00:00Z"));

    private static OpenMetadataSimulator openmetadata;

    /** An unsigned bot JWT expiring at {@code exp} (the simulator knows its principals by token, not signature). */
    static String jwt(String name, Instant exp) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"iss\":\"open-metadata.org\",\"sub\":\"" + name + "\",\"email\":\""
                + name + "@openmetadata.org\",\"isBot\":true,\"exp\":" + exp.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2lnbmF0dXJl";
    }

    @BeforeAll
    static void startSimulator() throws Exception {
        List<Principal> principals = new ArrayList<>(OpenMetadataSimulatorSettings.demoPrincipals());
        principals.add(Principal.of(MONTH_TOKEN, "month-bot", true, false));
        principals.add(Principal.of(SOON_TOKEN, "soon-bot", true, false));
        openmetadata = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults().withCatalog(7, 200)
                .withPrincipals(principals));
    }

    @AfterAll
    static void stopSimulator() {
        openmetadata.close();
    }

    private void integrate(String token, boolean validate) {
        Answer put = putJson("/acme/configuration/integrations/openmetadata" + (validate ? "" : "?validate=false"),
                ALL_TENANTS_KEY, "{\"url\": \"" + openmetadata.baseUrl() + "\", \"jwt_token\": \"" + token + "\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    private JsonNode status(String token) {
        Answer answer = get(STATUS, ALL_TENANTS_KEY);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain(token);
        return answer.json();
    }

    private Gauge gauge() {
        return credentialGauge("openmetadata");
    }

    @Test
    void aBotTokenWithoutExpiryIsActiveWithoutAnExpiry() {
        integrate(Principal.DEMO_BOT_TOKEN, true);

        JsonNode status = status(Principal.DEMO_BOT_TOKEN);

        assertThat(status.get("state").asText()).isEqualTo("OK");
        assertThat(status.get("credential").toString())
                .isEqualTo("{\"status\":\"ACTIVE\",\"expires_at\":null,\"days_left\":null}");
        assertThat(status.get("last_error").isNull()).isTrue();
        assertThat(status.get("last_mapping_job").isNull()).isTrue();
        assertThat(gauge().value()).isNaN();
    }

    @Test
    void aTokenExpiringInAMonthIsActiveAndOneExpiringInFiveDaysDegradesTheStatus() {
        integrate(MONTH_TOKEN, true);
        JsonNode month = status(MONTH_TOKEN);
        assertThat(month.get("state").asText()).isEqualTo("OK");
        assertThat(month.get("credential").get("status").asText()).isEqualTo("ACTIVE");
        assertThat(Instant.parse(month.get("credential").get("expires_at").asText()))
                .isEqualTo(Instant.ofEpochSecond(IN_30_DAYS.getEpochSecond()));
        assertThat(month.get("credential").get("days_left").asLong()).isEqualTo(30);
        assertThat(gauge().value()).isBetween(30.0, 30.05);

        integrate(SOON_TOKEN, true);
        JsonNode soon = status(SOON_TOKEN);
        assertThat(soon.get("state").asText()).isEqualTo("DEGRADED");
        assertThat(soon.get("credential").get("days_left").asLong()).isEqualTo(5);
        assertThat(gauge().value()).isBetween(5.0, 5.05);
    }

    @Test
    void anExpiredTokenFailsTheStatus() {
        integrate(Principal.DEMO_EXPIRED_TOKEN, false);

        JsonNode status = status(Principal.DEMO_EXPIRED_TOKEN);

        assertThat(status.get("state").asText()).isEqualTo("FAILING");
        assertThat(status.get("credential").get("status").asText()).isEqualTo("EXPIRED");
        assertThat(status.get("credential").get("expires_at").asText()).isEqualTo("2024-02-01T00:00:00Z");
        assertThat(status.get("credential").get("days_left").asLong()).isNegative();
    }

    @Test
    void aTokenOpenMetadataRefusedIsRefusedUntilTheIntegrationGetsANewOne() {
        integrate(UNKNOWN_TOKEN, false);
        assertThat(status(UNKNOWN_TOKEN).get("credential").get("status").asText())
                .as("its exp says nothing against it").isEqualTo("ACTIVE");
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY,
                "[{\"asset_id\": \"a1\", \"schema\": \"s\", \"table\": \"t\"}]").status()).isEqualTo(200);

        Answer refused = call("POST", "/acme/configuration/mappings/openmetadata", ALL_TENANTS_KEY, "application/json",
                "{\"asset_id\": \"a1\", \"openmetadata_table_id\": \"" + UUID.randomUUID() + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(502);

        health.flush();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM integration_health WHERE tenant_id = 'acme'"
                + " AND catalog = 'openmetadata'");
        assertThat(row.get("last_refused_at")).isNotNull();
        assertThat(row.get("last_success_at")).isNull();
        assertThat((String) row.get("last_error_message")).startsWith("OpenMetadata refused the stored token on GET"
                + " /v1/tables/{id} (HTTP 401").doesNotContain(UNKNOWN_TOKEN);

        JsonNode status = status(UNKNOWN_TOKEN);
        assertThat(status.get("state").asText()).isEqualTo("FAILING");
        assertThat(status.get("credential").get("status").asText()).isEqualTo("REFUSED");
        assertThat(status.get("last_error").get("message").asText()).isEqualTo(row.get("last_error_message"));

        // a new token: the refusal was the old one's
        integrate(Principal.DEMO_BOT_TOKEN, true);
        JsonNode renewed = status(Principal.DEMO_BOT_TOKEN);
        assertThat(renewed.get("credential").get("status").asText()).isEqualTo("ACTIVE");

        // a call it answers is recorded as the integration's last success
        UUID live = openmetadata.catalog().tables().filter(t -> !t.deleted()).findFirst().orElseThrow().id();
        Answer mapped = call("POST", "/acme/configuration/mappings/openmetadata", ALL_TENANTS_KEY, "application/json",
                "{\"asset_id\": \"a1\", \"openmetadata_table_id\": \"" + live + "\"}");
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        health.flush();
        JsonNode answered = status(Principal.DEMO_BOT_TOKEN);
        assertThat(answered.get("last_success_at").isNull()).isFalse();
        assertThat(answered.get("mappings").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_refused_at FROM integration_health WHERE catalog = 'openmetadata'",
                Object.class)).as("a success clears the refusal").isNull();
    }

    @Test
    void theCatalogsOwnJobsAndDeliveriesAreCounted() {
        integrate(Principal.DEMO_BOT_TOKEN, true);
        UUID older = UUID.randomUUID();
        UUID latest = UUID.randomUUID();
        jdbc.update("INSERT INTO mapping_job (job_id, tenant_id, catalog, status, should_overwrite, created_at,"
                + " finished_at) VALUES (?, 'acme', 'openmetadata', 'COMPLETED', false, now() - interval '2 hours',"
                + " now() - interval '2 hours')", older);
        jdbc.update("INSERT INTO mapping_job (job_id, tenant_id, catalog, status, should_overwrite, error_message,"
                + " created_at, finished_at) VALUES (?, 'acme', 'openmetadata', 'FAILED', false, 'x',"
                + " now() - interval '1 hour', TIMESTAMPTZ '2026-11-30T11:00:00Z')", latest);
        jdbc.update("INSERT INTO mapping_job (job_id, tenant_id, catalog, status, should_overwrite, created_at)"
                + " VALUES (?, 'acme', 'alation', 'IN_PROGRESS', false, now())", UUID.randomUUID());
        jdbc.update("INSERT INTO quality_delivery (tenant_id, asset_id, rule_key, catalog, state, queued_at) VALUES"
                + " ('acme', 'a1', 'freshness', 'openmetadata', 'PENDING', TIMESTAMPTZ '2026-11-30T10:00:00Z'),"
                + " ('acme', 'a1', 'volume', 'alation', 'PENDING', TIMESTAMPTZ '2026-11-29T10:00:00Z'),"
                + " ('globex', 'a1', 'volume', 'openmetadata', 'FAILED', TIMESTAMPTZ '2026-11-29T10:00:00Z')");

        JsonNode status = status(Principal.DEMO_BOT_TOKEN);

        assertThat(status.get("state").asText()).isEqualTo("OK");
        assertThat(status.get("quality").toString())
                .isEqualTo("{\"pending\":1,\"failed\":0,\"oldest_pending_at\":\"2026-11-30T10:00:00Z\"}");
        assertThat(status.get("last_mapping_job").toString()).isEqualTo("{\"job_id\":\"" + latest
                + "\",\"status\":\"FAILED\",\"finished_at\":\"2026-11-30T11:00:00Z\"}");
    }

    @Test
    void aTenantWithoutAnIntegrationIs404() {
        Answer none = get(STATUS, ALL_TENANTS_KEY);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().get("detail").asText())
                .isEqualTo("No OpenMetadata integration is configured for tenant acme");
    }
}
