package io.catalogbridge.alation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Access tokens per tenant, kept until shortly before Alation's {@code token_expires_at}. An entry belongs to one
 * version of the tenant's integration: once the integration changes (here or on another replica) the entry no longer
 * matches and a new token is minted.
 */
@Component("alationTokens")
public class AlationTokenCache {

    /** Without an expiry from Alation the token is trusted only this long. */
    static final Duration UNKNOWN_EXPIRY = Duration.ofMinutes(5);

    private record Entry(long version, String token, Instant refreshAfter) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration margin;
    private final Clock clock;

    @Autowired
    public AlationTokenCache(AlationProperties properties) {
        this(properties.tokenRefreshMargin(), Clock.systemUTC());
    }

    AlationTokenCache(Duration margin, Clock clock) {
        this.margin = margin;
        this.clock = clock;
    }

    /** The cached token for this connection, or null when there is none still good. */
    public String lookup(AlationConnection connection) {
        Entry entry = entries.get(connection.tenant());
        if (entry == null || entry.version() != connection.version() || !clock.instant().isBefore(entry.refreshAfter())) {
            return null;
        }
        return entry.token();
    }

    /** Keeps a freshly minted token and answers it. */
    public String store(AlationConnection connection, AlationAccessToken token) {
        Instant now = clock.instant();
        Instant refreshAfter = token.tokenExpiresAt() == null ? now.plus(UNKNOWN_EXPIRY)
                : token.tokenExpiresAt().minus(margin);
        entries.put(connection.tenant(), new Entry(connection.version(), token.apiAccessToken(), refreshAfter));
        return token.apiAccessToken();
    }

    /** Forgets the tenant's token: Alation refused it, or the integration changed or was deleted. */
    public void drop(String tenant) {
        entries.remove(tenant);
    }
}
