package io.catalogbridge.alation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Access tokens per tenant, kept until shortly before Alation's {@code token_expires_at}. An entry belongs to one
 * version of the tenant's integration: once the integration changes (here or on another replica) the entry no longer
 * matches and a new token is minted.
 *
 * <p>Alation's word on expiry is trusted only as far as it is believable: a token whose expiry is already past (or
 * inside the refresh margin) when it is minted (clock skew, an odd instance) is used until Alation refuses it, and no
 * token is replaced for its expiry sooner than {@code min-mint-interval} after it was minted. A refusal (401/403 on a
 * data call) still drops the token at once ({@link #drop}), so that a new one is minted and the call retried once.
 */
@Component("alationTokens")
public class AlationTokenCache {

    /** Without an expiry from Alation the token is trusted only this long. */
    static final Duration UNKNOWN_EXPIRY = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(AlationTokenCache.class);

    private record Entry(long version, String token, Instant mintedAt, Instant refreshAfter) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration margin;
    private final Duration minMintInterval;
    private final Clock clock;

    @Autowired
    public AlationTokenCache(AlationProperties properties) {
        this(properties.tokenRefreshMargin(), properties.minMintInterval(), Clock.systemUTC());
    }

    AlationTokenCache(Duration margin, Clock clock) {
        this(margin, Duration.ZERO, clock);
    }

    AlationTokenCache(Duration margin, Duration minMintInterval, Clock clock) {
        this.margin = margin;
        this.minMintInterval = minMintInterval;
        this.clock = clock;
    }

    /** The cached token for this connection, or null when there is none still good. */
    public String lookup(AlationConnection connection) {
        Entry entry = entries.get(connection.tenant());
        if (entry == null || entry.version() != connection.version()) {
            return null;
        }
        Instant now = clock.instant();
        boolean fresh = now.isBefore(entry.refreshAfter()) || now.isBefore(entry.mintedAt().plus(minMintInterval));
        return fresh ? entry.token() : null;
    }

    /** Keeps a freshly minted token and answers it. */
    public String store(AlationConnection connection, AlationAccessToken token) {
        Instant now = clock.instant();
        Instant refreshAfter;
        if (token.tokenExpiresAt() == null) {
            refreshAfter = now.plus(UNKNOWN_EXPIRY);
        } else if (token.tokenExpiresAt().minus(margin).isAfter(now)) {
            refreshAfter = token.tokenExpiresAt().minus(margin);
        } else {
            // minting again would only bring another such token, once per call: use it until Alation refuses it
            log.warn("Alation minted an access token for tenant {} that expires at {}, already past or within {} of"
                    + " now ({}): it is used until Alation refuses it", connection.tenant(), token.tokenExpiresAt(),
                    margin, now);
            refreshAfter = Instant.MAX;
        }
        entries.put(connection.tenant(), new Entry(connection.version(), token.apiAccessToken(), now, refreshAfter));
        return token.apiAccessToken();
    }

    /** Forgets the tenant's token: Alation refused it, or the integration changed or was deleted. */
    public void drop(String tenant) {
        entries.remove(tenant);
    }
}
