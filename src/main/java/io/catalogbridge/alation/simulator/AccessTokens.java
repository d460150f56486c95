package io.catalogbridge.alation.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The access tokens the simulator has minted. A token is refused once past its lifetime or, when the
 * expire-after-N fault is on, once it has served that many data requests; a refused token is forgotten for good.
 * The refresh tokens (one per user) were all created when the simulator started and expire together; an expired or
 * revoked one mints nothing.
 */
final class AccessTokens {

    /** Past this many live tokens, minting sweeps out the expired ones: a benchmark may mint millions. */
    private static final int SWEEP_ABOVE = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<Long, String> refreshTokens;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Instant refreshCreatedAt;
    private final Instant refreshExpiresAt;
    private final Set<Long> revoked = ConcurrentHashMap.newKeySet();

    AccessTokens(Map<Long, String> refreshTokens, Duration lifetime, Clock clock) {
        this(refreshTokens, lifetime, SimulatorSettings.DEFAULT_REFRESH_TOKEN_TTL, clock);
    }

    AccessTokens(Map<Long, String> refreshTokens, Duration lifetime, Duration refreshLifetime, Clock clock) {
        this.refreshTokens = Map.copyOf(refreshTokens);
        this.lifetime = lifetime;
        this.clock = clock;
        this.refreshCreatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        this.refreshExpiresAt = refreshCreatedAt.plus(refreshLifetime);
    }

    /** A user's refresh token as {@code validateRefreshToken} shows it. */
    record RefreshToken(String value, long userId, Instant createdAt, Instant expiresAt, boolean expired) {
    }

    /** The user's refresh token when it is this one and not revoked (expired or not), else empty. */
    Optional<RefreshToken> refreshToken(long userId, String refreshToken) {
        String expected = refreshTokens.get(userId);
        if (expected == null || refreshToken == null || revoked.contains(userId) || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), refreshToken.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(new RefreshToken(expected, userId, refreshCreatedAt, refreshExpiresAt,
                !clock.instant().isBefore(refreshExpiresAt)));
    }

    /** Revokes the user's refresh token: it mints nothing more, and validateRefreshToken refuses it (401). */
    void revoke(long userId) {
        revoked.add(userId);
    }

    /** A minted access token; times are kept to the microsecond, as Alation shows them. */
    record Token(String value, long userId, Instant createdAt, Instant expiresAt, AtomicLong uses) {
    }

    /** A new token for the user, or empty when the refresh token is not the user's, is revoked or has expired. */
    Optional<Token> mint(long userId, String refreshToken) {
        if (refreshToken(userId, refreshToken).filter(refresh -> !refresh.expired()).isEmpty()) {
            return Optional.empty();
        }
        if (tokens.size() > SWEEP_ABOVE) {
            Instant now = clock.instant();
            tokens.values().removeIf(token -> !now.isBefore(token.expiresAt()));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Token token = new Token(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), userId, createdAt,
                createdAt.plus(lifetime), new AtomicLong());
        tokens.put(token.value(), token);
        return Optional.of(token);
    }

    /**
     * Whether a data request with this token (null when the header is missing) may proceed, counting it on the token.
     * {@code expireAfter} (0 for never) is the number of requests a token serves before it expires.
     */
    boolean admit(String value, int expireAfter) {
        return admitted(value, expireAfter) != null;
    }

    /** As {@link #admit}, giving the token (whose user the writes are attributed to), or null when refused. */
    Token admitted(String value, int expireAfter) {
        Token token = value == null ? null : tokens.get(value);
        if (token == null) {
            return null;
        }
        long uses = token.uses().incrementAndGet();
        if (!clock.instant().isBefore(token.expiresAt()) || expireAfter > 0 && uses > expireAfter) {
            tokens.remove(value);
            return null;
        }
        return token;
    }
}
