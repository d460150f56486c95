package io.catalogbridge.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.alation.simulator.AlationSimulator;
import io.catalogbridge.alation.simulator.SimulatedTable;
import io.catalogbridge.alation.simulator.SimulatorEndpoint;
import io.catalogbridge.alation.simulator.SimulatorSettings;
import io.micrometer.core.instrument.Gauge;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /{tenant}/configuration/integrations/alation/status over HTTP against Alation simulators whose refresh tokens
 * live 60 days (Alation's default), 10 days (within the 14-day warning) or expired a day ago: the credential as
 * validateRefreshToken tells it (cached), the state's rules, the health rows, quality and job counts, the gauge.
 */
class AlationIntegrationStatusTest extends IntegrationStatusTestSupport {

    private static final String STATUS = "/acme/configuration/integrations/alation/status";
    private static final String TOKEN = SimulatorSettings.DEMO_REFRESH_TOKEN;

    private static AlationSimulator alation60;
    private static AlationSimulator alation10;
    private static AlationSimulator expired;

    @BeforeAll
    static void startSimulators() throws Exception {
        SimulatorSettings small = SimulatorSettings.defaults().withCatalog(7, 200);
        alation60 = AlationSimulator.start(small);
        alation10 = AlationSimulator.start(small.withRefreshTokenTtl(Duration.ofDays(10)));
        expired = AlationSimulator.start(small.withRefreshTokenTtl(Duration.ofDays(-1)));
    }

    @AfterAll
    static void stopSimulators() {
        alation60.close();
        alation10.close();
        expired.close();
    }

    @BeforeEach
    void resetSimulators() {
        for (AlationSimulator simulator : List.of(alation60, alation10, expired)) {
            simulator.resetStats();
        }
    }

    private void integrate(AlationSimulator simulator, String token, boolean validate) {
        Answer put = putJson("/acme/configuration/integrations/alation" + (validate ? "" : "?validate=false"),
                ALL_TENANTS_KEY, "{\"url\": \"" + simulator.baseUrl() + "\", \"user_id\": 1, \"refresh_api_token\": \""
                        + token + "\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    private JsonNode status() {
        Answer answer = get(STATUS, ALL_TENANTS_KEY);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body()).doesNotContain(TOKEN).doesNotContain("refresh_token");
        return answer.json();
    }

    private static long validations(AlationSimulator simulator) {
        return simulator.stats().byEndpoint().getOrDefault(SimulatorEndpoint.VALIDATE_REFRESH_TOKEN, 0L);
    }

    private Map<String, Object> healthRow() {
        health.flush();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT tenant_id, catalog, last_success_at, last_error_at,"
                + " last_error_message, last_refused_at FROM integration_health");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("tenant_id", "acme").containsEntry("catalog", "alation");
        return rows.get(0);
    }

    private double gauge() {
        Gauge gauge = credentialGauge("alation");
        assertThat(gauge).as("the gauge of acme's Alation credential").isNotNull();
        return gauge.value();
    }

    @Test
    void anActiveRefreshTokenIsShownWithItsExpiryAndCheckedOncePerCacheInterval() {
        integrate(alation60, TOKEN, true);
        Instant expiresAround = Instant.now().plus(Duration.ofDays(60));

        JsonNode first = status();
        JsonNode second = status();

        // two status calls, one question to Alation: the check is cached (credential-check-cache, 5m)
        assertThat(validations(alation60)).isEqualTo(1);
        assertThat(alation60.stats().count(SimulatorEndpoint.VALIDATE_REFRESH_TOKEN, 200)).isEqualTo(1);
        for (JsonNode answer : List.of(first, second)) {
            assertThat(answer.get("state").asText()).isEqualTo("OK");
            assertThat(answer.get("credential").get("status").asText()).isEqualTo("ACTIVE");
            Instant expiresAt = Instant.parse(answer.get("credential").get("expires_at").asText());
            assertThat(Duration.between(expiresAt, expiresAround).abs()).isLessThan(Duration.ofMinutes(5));
            assertThat(answer.get("credential").get("days_left").asLong()).isBetween(59L, 60L);
            assertThat(answer.get("last_error").isNull()).isTrue();
            assertThat(answer.get("mappings").asLong()).isZero();
            assertThat(answer.get("stale_mappings").asLong()).isZero();
            assertThat(answer.get("quality").toString())
                    .isEqualTo("{\"pending\":0,\"failed\":0,\"oldest_pending_at\":null}");
            assertThat(answer.get("last_mapping_job").isNull()).isTrue();
        }
        assertThat(first.fieldNames()).toIterable().containsExactly("state", "credential", "last_success_at",
                "last_error", "mappings", "stale_mappings", "quality", "last_mapping_job");

        // the validation was Alation answering a call of the integration
        Map<String, Object> row = healthRow();
        assertThat(row.get("last_success_at")).isNotNull();
        assertThat(row.get("last_error_at")).isNull();
        assertThat(status().get("last_success_at").isNull()).as("the check was a call Alation answered").isFalse();

        // the gauge comes from the cached check: days left, fractional
        assertThat(gauge()).isBetween(59.9, 60.0);
        assertThat(validations(alation60)).isEqualTo(1);

        // a changed integration is checked again at once
        integrate(alation60, TOKEN, true);
        assertThat(status().get("credential").get("status").asText()).isEqualTo("ACTIVE");
        assertThat(validations(alation60)).isEqualTo(2);
        // and the background refresh leaves a fresh check alone
        checks.refreshAll();
        assertThat(validations(alation60)).isEqualTo(2);
    }

    @Test
    void theBackgroundRefreshChecksConfiguredTenantsBeforeAnyoneAsks() {
        integrate(alation10, TOKEN, true);
        checks.refreshAll();
        assertThat(validations(alation10)).isEqualTo(1);
        assertThat(gauge()).isBetween(9.9, 10.0);

        // the status uses the check the refresh made
        JsonNode status = status();
        assertThat(validations(alation10)).isEqualTo(1);
        assertThat(status.get("state").asText()).isEqualTo("DEGRADED");

        // an integration removed takes its gauge with it
        assertThat(delete("/acme/configuration/integrations/alation", ALL_TENANTS_KEY).status()).isEqualTo(200);
        checks.refreshAll();
        assertThat(credentialGauge("alation")).isNull();
    }

    @Test
    void aRefreshTokenExpiringWithinTheWarningDaysDegradesTheStatus() {
        integrate(alation10, TOKEN, true);

        JsonNode status = status();

        assertThat(status.get("state").asText()).isEqualTo("DEGRADED");
        assertThat(status.get("credential").get("status").asText()).isEqualTo("ACTIVE");
        assertThat(status.get("credential").get("days_left").asLong()).isBetween(9L, 10L);
        assertThat(gauge()).isBetween(9.9, 10.0);
    }

    @Test
    void anExpiredRefreshTokenFailsTheStatus() {
        // Alation mints nothing for an expired refresh token: stored without the check
        integrate(expired, TOKEN, false);

        JsonNode status = status();

        assertThat(status.get("state").asText()).isEqualTo("FAILING");
        assertThat(status.get("credential").get("status").asText()).isEqualTo("EXPIRED");
        assertThat(status.get("credential").get("days_left").asLong()).isEqualTo(-1);
        assertThat(Instant.parse(status.get("credential").get("expires_at").asText()))
                .isBefore(Instant.now().minus(Duration.ofHours(23)));
        assertThat(gauge()).isBetween(-1.01, -0.99);
    }

    @Test
    void aWrongOrRevokedRefreshTokenIsRefusedAndTheFailureRecordedWithoutTheToken() {
        integrate(alation60, "not-the-token", false);

        JsonNode status = status();

        assertThat(status.get("state").asText()).isEqualTo("FAILING");
        assertThat(status.get("credential").get("status").asText()).isEqualTo("REFUSED");
        assertThat(status.get("credential").get("expires_at").isNull()).isTrue();
        assertThat(status.get("credential").get("days_left").isNull()).isTrue();
        assertThat(alation60.stats().count(SimulatorEndpoint.VALIDATE_REFRESH_TOKEN, 401)).isEqualTo(1);
        Map<String, Object> row = healthRow();
        assertThat(row.get("last_refused_at")).isNotNull();
        assertThat((String) row.get("last_error_message"))
                .isEqualTo("Alation refused the refresh token at POST /integration/v1/validateRefreshToken/ (HTTP 401:"
                        + " Refresh token provided is invalid.)")
                .doesNotContain("not-the-token");
        Answer again = get(STATUS, ALL_TENANTS_KEY);
        assertThat(again.json().get("last_error").get("message").asText()).isEqualTo(row.get("last_error_message"));
        assertThat(again.json().get("last_error").get("at").isNull()).isFalse();
        assertThat(again.body()).doesNotContain("not-the-token");

        // a revoked token: the same refusal (Alation answers 401, the docs say)
        try (AlationSimulator revoking = startSmall()) {
            integrate(revoking, TOKEN, true);
            assertThat(status().get("credential").get("status").asText()).isEqualTo("ACTIVE");
            revoking.revokeRefreshToken(1);
            integrate(revoking, TOKEN, false); // a change of the integration: checked again
            assertThat(status().get("credential").get("status").asText()).isEqualTo("REFUSED");
        }
    }

    private static AlationSimulator startSmall() {
        try {
            return AlationSimulator.start(SimulatorSettings.defaults().withCatalog(7, 50));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnreachableAlationLeavesTheCredentialUnknownAndRecordsTheFailure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Answer put = putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"http://127.0.0.1:" + port + "\", \"user_id\": 1, \"refresh_api_token\": \"" + TOKEN
                        + "\"}");
        assertThat(put.status()).isEqualTo(200);

        // the first answer already shows the failure of the check it made
        JsonNode status = status();
        assertThat(status.get("credential").get("status").asText()).isEqualTo("UNKNOWN");
        // no call ever succeeded, and the latest failed: failing
        assertThat(status.get("state").asText()).isEqualTo("FAILING");
        assertThat(status.get("last_success_at").isNull()).isTrue();
        assertThat(status.get("last_error").get("message").asText()).startsWith(
                "Alation could not be reached for POST /integration/v1/validateRefreshToken/ (");
        assertThat(healthRow().get("last_refused_at")).isNull();
    }

    @Test
    void theLatestFailureDegradesAndAFailureThatLastsFailsTheStatus() {
        integrate(alation60, TOKEN, true);
        status();
        health.flush();
        Instant now = Instant.now();
        // failed a minute ago, after a success two minutes before: the catalog answered within failing-after (15m)
        jdbc.update("INSERT INTO integration_health (tenant_id, catalog, last_success_at, last_error_at,"
                + " last_error_message) VALUES ('acme', 'alation', ?, ?, ?) ON CONFLICT (tenant_id, catalog) DO UPDATE"
                + " SET last_success_at = EXCLUDED.last_success_at, last_error_at = EXCLUDED.last_error_at,"
                + " last_error_message = EXCLUDED.last_error_message",
                java.sql.Timestamp.from(now.minus(3, ChronoUnit.MINUTES)),
                java.sql.Timestamp.from(now.minus(1, ChronoUnit.MINUTES)), "Alation failed GET /x 4 times");
        JsonNode degraded = status();
        assertThat(degraded.get("state").asText()).isEqualTo("DEGRADED");
        assertThat(degraded.get("last_error").get("message").asText()).isEqualTo("Alation failed GET /x 4 times");
        assertThat(Duration.between(Instant.parse(degraded.get("last_success_at").asText()),
                now.minus(3, ChronoUnit.MINUTES)).abs()).isLessThan(Duration.ofMillis(1));

        // the last success an hour before the failure: failing
        jdbc.update("UPDATE integration_health SET last_success_at = ?",
                java.sql.Timestamp.from(now.minus(1, ChronoUnit.HOURS)));
        assertThat(status().get("state").asText()).isEqualTo("FAILING");

        // a success after the failure: OK again
        jdbc.update("UPDATE integration_health SET last_success_at = ?", java.sql.Timestamp.from(now));
        assertThat(status().get("state").asText()).isEqualTo("OK");
    }

    @Test
    void qualityDeliveriesMappingsAndTheLastJobOfTheCatalogAreCounted() {
        integrate(alation60, TOKEN, true);
        SimulatedTable table = alation60.catalog().tables().filter(t -> !t.isView()).findFirst().orElseThrow();
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, "[{\"asset_id\": \"a1\", \"schema\": \""
                + table.schemaName() + "\", \"table\": \"" + table.name() + "\"}, {\"asset_id\": \"a2\","
                + " \"schema\": \"s\", \"table\": \"t\"}]").status()).isEqualTo(200);

        String jobId = startJob("/acme/configuration/mappings/alation/auto", "Alation");
        JsonNode job = finishedJob("/acme/configuration/mappings/alation/auto", jobId);
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");

        Instant queued = Instant.parse("2026-11-30T10:00:00Z");
        for (Object[] delivery : List.of(new Object[] {"a1", "freshness", "alation", "PENDING", queued},
                new Object[] {"a1", "volume", "alation", "PENDING", queued.plusSeconds(60)},
                new Object[] {"a2", "freshness", "alation", "FAILED", queued},
                new Object[] {"a2", "volume", "alation", "DELIVERED", queued},
                new Object[] {"a1", "freshness", "openmetadata", "FAILED", queued.minusSeconds(60)})) {
            jdbc.update("INSERT INTO quality_delivery (tenant_id, asset_id, rule_key, catalog, state, queued_at)"
                    + " VALUES ('acme', ?, ?, ?, ?, ?)", delivery[0], delivery[1], delivery[2], delivery[3],
                    java.sql.Timestamp.from((Instant) delivery[4]));
        }

        Answer manual = call("POST", "/acme/configuration/mappings/alation", ALL_TENANTS_KEY, "application/json",
                "{\"asset_id\": \"a2\", \"alation_table_id\": " + table.id() + "}");
        assertThat(manual.status()).as(manual.body()).isEqualTo(200);
        long mapped = jdbc.queryForObject("SELECT count(*) FROM alation_mapping WHERE tenant_id = 'acme'", Long.class);
        assertThat(mapped).isBetween(1L, 2L);

        JsonNode status = status();

        assertThat(status.get("mappings").asLong()).isEqualTo(mapped);
        assertThat(status.get("stale_mappings").asLong()).isZero();
        assertThat(status.get("quality").get("pending").asLong()).isEqualTo(2);
        assertThat(status.get("quality").get("failed").asLong()).isEqualTo(1);
        assertThat(status.get("quality").get("oldest_pending_at").asText()).isEqualTo("2026-11-30T10:00:00Z");
        // FAILED deliveries degrade it
        assertThat(status.get("state").asText()).isEqualTo("DEGRADED");
        JsonNode last = status.get("last_mapping_job");
        assertThat(last.get("job_id").asText()).isEqualTo(jobId);
        assertThat(last.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(Instant.parse(last.get("finished_at").asText())).isBefore(Instant.now().plusSeconds(1));
        // the job's calls were Alation answering
        assertThat(healthRow().get("last_success_at")).isNotNull();
    }

    @Test
    void aTenantWithoutAnIntegrationIs404AndTheStatusNeedsAKey() {
        Answer none = get(STATUS, ALL_TENANTS_KEY);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().get("detail").asText())
                .isEqualTo("No Alation integration is configured for tenant acme");

        assertThat(get(STATUS, null).status()).isEqualTo(401);
        assertThat(get("/globex/configuration/integrations/alation/status", ACME_ONLY_KEY).status()).isEqualTo(403);
    }
}
