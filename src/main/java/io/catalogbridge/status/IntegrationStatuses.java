package io.catalogbridge.status;

import io.catalogbridge.api.ProblemException;
import io.catalogbridge.database.SqlQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Assembles the status of a tenant's integration of a catalog from the wing's part ({@link IntegrationStatusSource}:
 * its integration, its mappings, its credential check, cached by {@link CredentialChecks}) and the core's tables
 * ({@code integration_health}, {@code quality_delivery}, {@code mapping_job}).
 *
 * <p>The rules, in order:
 * <ul>
 *   <li>the credential is REFUSED, whatever the wing's check said, when the catalog refused it in a call
 *       ({@code integration_health.last_refused_at}) after the integration last changed and has answered no call
 *       since (a wing that mints tokens sees a refusal only there);</li>
 *   <li>FAILING: the credential is REFUSED or EXPIRED; or the catalog is failing: its latest recorded call failed
 *       ({@code last_error.at} after {@code last_success_at}) and it had answered none for {@code failing-after}
 *       (15m) before that failure, or never;</li>
 *   <li>DEGRADED: the credential expires within the wing's {@code credential-warning-days} (14); or the tenant has
 *       FAILED quality deliveries in the catalog; or the latest call failed, but the catalog answered one within
 *       {@code failing-after} before it;</li>
 *   <li>OK otherwise (an UNKNOWN credential alone, the catalog not asked just now, changes nothing).</li>
 * </ul>
 */
@Component("integrationStatuses")
public class IntegrationStatuses {

    private final List<IntegrationStatusSource> sources;
    private final CredentialChecks checks;
    private final SqlQueries queries;
    private final IntegrationHealth health;
    private final Duration failingAfter;
    private final Clock clock;

    @Autowired
    public IntegrationStatuses(List<IntegrationStatusSource> sources, CredentialChecks checks, SqlQueries queries,
            IntegrationHealth health, StatusProperties properties) {
        this(sources, checks, queries, health, properties, Clock.systemUTC());
    }

    IntegrationStatuses(List<IntegrationStatusSource> sources, CredentialChecks checks, SqlQueries queries,
            IntegrationHealth health, StatusProperties properties, Clock clock) {
        this.sources = sources.stream().sorted(Comparator.comparing(IntegrationStatusSource::catalog)).toList();
        this.checks = checks;
        this.queries = queries;
        this.health = health;
        this.failingAfter = properties.failingAfter();
        this.clock = clock;
    }

    /** The status of the tenant's integration of the catalog; 404 when the tenant has none. */
    public IntegrationStatus status(String catalog, String tenant) {
        IntegrationStatusSource source = sources.stream().filter(s -> s.catalog().equals(catalog)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No wing serves the status of " + catalog));
        Map<String, Object> tenantOnly = Map.of("tenant", tenant);
        Map<String, Object> tenantAndCatalog = Map.of("tenant", tenant, "catalog", catalog);
        List<Map<String, Object>> integration = queries.rows(source.integrationQuery(), tenantOnly);
        if (integration.isEmpty()) {
            throw new ProblemException.NotFound("No " + source.catalogName() + " integration is configured for tenant "
                    + tenant);
        }
        Instant changedAt = instant(integration.get(0).get("updated_at"));
        CredentialCheck check = checks.current(source, tenant, CredentialChecks.revision(integration.get(0)));
        // a check made just now recorded its call's end on the health writer's thread: the answer shows it
        health.flush();

        Map<String, Object> health = first(queries.rows("integration-health-select.sql", tenantAndCatalog));
        Instant lastSuccess = instant(health.get("last_success_at"));
        Instant lastError = instant(health.get("last_error_at"));
        Instant lastRefused = instant(health.get("last_refused_at"));
        if (lastRefused != null && (changedAt == null || lastRefused.isAfter(changedAt))
                && (lastSuccess == null || lastRefused.isAfter(lastSuccess))
                && check.state() != CredentialState.EXPIRED) {
            check = new CredentialCheck(CredentialState.REFUSED, check.expiresAt());
        }

        Map<String, Object> quality = first(queries.rows("integration-status-quality.sql", tenantAndCatalog));
        Map<String, Object> mappingCounts = first(queries.rows(source.mappingsQuery(), tenantOnly));
        long mappings = number(mappingCounts.get("mappings"));
        long staleMappings = number(mappingCounts.get("stale_mappings"));
        Map<String, Object> job = first(queries.rows("integration-status-last-job.sql", tenantAndCatalog));

        Instant now = clock.instant();
        IntegrationStatus.Quality deliveries = new IntegrationStatus.Quality(number(quality.get("pending")),
                number(quality.get("failed")), instant(quality.get("oldest_pending_at")));
        IntegrationStatus.State state = state(check, source.credentialSettings().credentialWarningDays(), lastSuccess,
                lastError, deliveries.failed(), now);
        return new IntegrationStatus(state,
                new IntegrationStatus.Credential(check.state(), check.expiresAt(), daysLeft(check.expiresAt(), now)),
                lastSuccess,
                lastError == null ? null
                        : new IntegrationStatus.LastError(lastError, (String) health.get("last_error_message")),
                mappings, staleMappings, deliveries,
                job.isEmpty() ? null : new IntegrationStatus.LastMappingJob(uuid(job.get("job_id")),
                        (String) job.get("status"), instant(job.get("finished_at"))));
    }

    /** The state by the rules above (the credential's refusal already applied). */
    IntegrationStatus.State state(CredentialCheck check, int warningDays, Instant lastSuccess, Instant lastError,
            long failedDeliveries, Instant now) {
        boolean latestFailed = lastError != null && (lastSuccess == null || lastError.isAfter(lastSuccess));
        boolean failing = latestFailed
                && (lastSuccess == null || !lastSuccess.isAfter(lastError.minus(failingAfter)));
        if (check.state() == CredentialState.REFUSED || check.state() == CredentialState.EXPIRED || failing) {
            return IntegrationStatus.State.FAILING;
        }
        boolean expiresSoon = check.expiresAt() != null
                && check.expiresAt().isBefore(now.plus(Duration.ofDays(warningDays)));
        if (expiresSoon || failedDeliveries > 0 || latestFailed) {
            return IntegrationStatus.State.DEGRADED;
        }
        return IntegrationStatus.State.OK;
    }

    static Long daysLeft(Instant expiresAt, Instant now) {
        // whole days, towards zero: a day and an hour left is 1, expired a day and an hour ago is -1
        return expiresAt == null ? null : Duration.between(now, expiresAt).toSeconds() / 86_400L;
    }

    private static Map<String, Object> first(List<Map<String, Object>> rows) {
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }
}
