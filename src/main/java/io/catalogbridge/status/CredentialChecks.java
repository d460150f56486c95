package io.catalogbridge.status;

import io.catalogbridge.database.SqlQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The credential checks of every wing ({@link IntegrationStatusSource#checkCredential}), cached per tenant and
 * catalog for the wing's {@code credential-check-cache}: a status request asks the catalog at most once per that
 * interval, never on every request. An entry belongs to one revision of the tenant's integration: once the integration
 * changes (here or on another replica) the entry no longer matches and the credential is checked again.
 *
 * <p>From the cache come the gauge {@code catalog_bridge.credential.days.left} (tags {@code tenant}, {@code catalog};
 * days until the credential expires, negative once past, NaN when it never expires or that is unknown) and a WARN once
 * a day per tenant and catalog while the credential expires within the wing's {@code credential-warning-days}. The
 * background refresh ({@link #refreshAll}, a timer of {@code routes/status/}) keeps both current for every configured
 * tenant; a scrape never calls a catalog. Nothing of the credential itself is kept, shown or logged.
 */
@Component("credentialChecks")
public class CredentialChecks {

    public static final String GAUGE = "catalog_bridge.credential.days.left";
    static final Duration WARN_EVERY = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(CredentialChecks.class);

    private record Key(String catalog, String tenant) {
    }

    private record Entry(String revision, CredentialCheck check, Instant checkedAt) {
    }

    private final List<IntegrationStatusSource> sources;
    private final SqlQueries queries;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ConcurrentMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Object> locks = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Gauge> gauges = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Instant> warned = new ConcurrentHashMap<>();

    @Autowired
    public CredentialChecks(List<IntegrationStatusSource> sources, SqlQueries queries, MeterRegistry meters) {
        this(sources, queries, meters, Clock.systemUTC());
    }

    CredentialChecks(List<IntegrationStatusSource> sources, SqlQueries queries, MeterRegistry meters, Clock clock) {
        this.sources = List.copyOf(sources);
        this.queries = queries;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * The tenant's credential in the source's catalog, for this revision of its integration ({@link #revision}): the
     * cached check while it is fresh, else a new one (one at a time per tenant and catalog).
     */
    public CredentialCheck current(IntegrationStatusSource source, String tenant, String revision) {
        Key key = new Key(source.catalog(), tenant);
        Entry cached = fresh(source, key, revision);
        if (cached == null) {
            synchronized (locks.computeIfAbsent(key, k -> new Object())) {
                cached = fresh(source, key, revision);
                if (cached == null) {
                    cached = check(source, key, revision);
                }
            }
        }
        return cached.check().at(clock.instant());
    }

    /**
     * Refreshes the stale checks of every tenant with an integration, and forgets (with their gauges) the tenants
     * whose integration is gone. A catalog that cannot be asked leaves its tenants UNKNOWN; nothing throws.
     */
    public void refreshAll() {
        for (IntegrationStatusSource source : sources) {
            Set<Key> configured = new HashSet<>();
            List<Map<String, Object>> rows;
            try {
                rows = queries.rows(source.integrationsQuery(), Map.of());
            } catch (RuntimeException e) {
                log.warn("The {} integrations could not be read to refresh their credential checks: {}",
                        source.catalogName(), e.getMessage());
                continue;
            }
            for (Map<String, Object> row : rows) {
                String tenant = (String) row.get("tenant_id");
                configured.add(new Key(source.catalog(), tenant));
                try {
                    current(source, tenant, revision(row));
                } catch (RuntimeException e) {
                    log.warn("The {} credential of tenant {} could not be checked: {}", source.catalogName(), tenant,
                            e.getMessage());
                }
            }
            for (Key key : Set.copyOf(entries.keySet())) {
                if (key.catalog().equals(source.catalog()) && !configured.contains(key)) {
                    forget(key);
                }
            }
        }
    }

    /**
     * Which integration a row of a wing's integration query is ({@code version} and {@code updated_at}): the version
     * alone starts again at 1 when an integration is removed and added again.
     */
    public static String revision(Map<String, Object> integration) {
        return integration.get("version") + "@" + IntegrationStatuses.instant(integration.get("updated_at"));
    }

    /** Days until the cached credential expires (fractional; negative once past), NaN when unknown or never. */
    double daysLeft(String catalog, String tenant) {
        Entry entry = entries.get(new Key(catalog, tenant));
        if (entry == null || entry.check().expiresAt() == null) {
            return Double.NaN;
        }
        return Duration.between(clock.instant(), entry.check().expiresAt()).toMillis() / 86_400_000.0;
    }

    private Entry fresh(IntegrationStatusSource source, Key key, String revision) {
        Entry entry = entries.get(key);
        boolean fresh = entry != null && entry.revision().equals(revision)
                && clock.instant().isBefore(entry.checkedAt().plus(
                        source.credentialSettings().credentialCheckCache()));
        return fresh ? entry : null;
    }

    private Entry check(IntegrationStatusSource source, Key key, String revision) {
        CredentialCheck check;
        try {
            check = source.checkCredential(key.tenant());
        } catch (RuntimeException e) {
            log.warn("The {} credential of tenant {} could not be checked: {}", source.catalogName(), key.tenant(),
                    e.getMessage());
            check = CredentialCheck.unknown();
        }
        Entry previous = entries.get(key);
        if (check.state() == CredentialState.UNKNOWN && check.expiresAt() == null && previous != null
                && previous.revision().equals(revision) && previous.check().expiresAt() != null) {
            // the catalog could not be asked: the expiry it gave last time still holds
            check = new CredentialCheck(CredentialState.UNKNOWN, previous.check().expiresAt());
        }
        Instant now = clock.instant();
        Entry entry = new Entry(revision, check, now);
        entries.put(key, entry);
        gauges.computeIfAbsent(key, k -> Gauge.builder(GAUGE, this, c -> c.daysLeft(k.catalog(), k.tenant()))
                .description("Days until the integration's credential expires (NaN: never, or not known)")
                .tag("tenant", k.tenant()).tag("catalog", k.catalog()).register(meters));
        warnIfExpiring(source, key, check.at(now), now);
        return entry;
    }

    private void warnIfExpiring(IntegrationStatusSource source, Key key, CredentialCheck check, Instant now) {
        int warningDays = source.credentialSettings().credentialWarningDays();
        if (check.expiresAt() == null || !check.expiresAt().isBefore(now.plus(Duration.ofDays(warningDays)))) {
            warned.remove(key);
            return;
        }
        Instant last = warned.get(key);
        if (last != null && now.isBefore(last.plus(WARN_EVERY))) {
            return;
        }
        warned.put(key, now);
        long days = Duration.between(now, check.expiresAt()).toSeconds() / 86_400;
        if (check.state() == CredentialState.EXPIRED) {
            log.warn("The {} credential of tenant {} expired at {}: update the integration with a new one",
                    source.catalogName(), key.tenant(), check.expiresAt());
        } else {
            log.warn("The {} credential of tenant {} expires at {} ({} days left, warning from {} days): update the"
                    + " integration with a new one before then", source.catalogName(), key.tenant(),
                    check.expiresAt(), days, warningDays);
        }
    }

    private void forget(Key key) {
        entries.remove(key);
        warned.remove(key);
        locks.remove(key);
        Gauge gauge = gauges.remove(key);
        if (gauge != null) {
            meters.remove(gauge);
        }
    }
}
