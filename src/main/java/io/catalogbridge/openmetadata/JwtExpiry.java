package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

/**
 * When an OpenMetadata token expires, read from its {@code exp} claim without a call: a JWT is
 * {@code header.payload.signature}, the payload base64url-encoded JSON, {@code exp} seconds since the epoch
 * (RFC 7519's NumericDate). OpenMetadata's bot tokens carry one unless made to never expire; nothing is verified
 * here (the server does that), this only says when to expect refusals.
 *
 * <p>Tolerant: a token that is not a JWT (an opaque personal token, an encrypted five-part JWE, bad base64, a payload
 * that is not a JSON object) has an unknown expiry; so has an {@code exp} that is no number or out of range.
 *
 * @param kind what the token says of its expiry
 * @param expiresAt the instant of its {@code exp} when {@code kind} is {@link Kind#AT}, otherwise null
 */
public record JwtExpiry(Kind kind, Instant expiresAt) {

    public enum Kind {
        /** The JWT expires at {@code expiresAt}. */
        AT,
        /** A JWT without {@code exp}: OpenMetadata's "Unlimited" bot token. */
        NEVER,
        /** Not a JWT that can be read, or an {@code exp} that is no date. */
        UNKNOWN
    }

    private static final JwtExpiry UNKNOWN = new JwtExpiry(Kind.UNKNOWN, null);
    /** Instant's range ends in year 1,000,000,000; an exp past year 9999 is no date anyone meant. */
    private static final long LATEST_EXP = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    /** Reads the token's expiry; never throws, never logs (the token is a secret). */
    public static JwtExpiry read(String token, ObjectMapper mapper) {
        if (token == null) {
            return UNKNOWN;
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return UNKNOWN;
        }
        JsonNode payload;
        try {
            // some issuers use the standard alphabet; both decode alike once mapped to the URL-safe one
            byte[] json = Base64.getUrlDecoder().decode(parts[1].replace('+', '-').replace('/', '_'));
            payload = mapper.readTree(json);
        } catch (IllegalArgumentException | IOException e) {
            return UNKNOWN;
        }
        if (payload == null || !payload.isObject()) {
            return UNKNOWN;
        }
        JsonNode exp = payload.get("exp");
        if (exp == null || exp.isNull()) {
            return new JwtExpiry(Kind.NEVER, null);
        }
        Instant at = instant(exp);
        return at == null ? UNKNOWN : new JwtExpiry(Kind.AT, at);
    }

    /** Whether the token is known to have expired by {@code now} (an unknown expiry is not expired). */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    private static Instant instant(JsonNode exp) {
        double seconds;
        if (exp.isNumber()) {
            seconds = exp.asDouble();
        } else if (exp.isTextual() && exp.asText().matches("\\d{1,12}")) {
            seconds = Long.parseLong(exp.asText());
        } else {
            return null;
        }
        return seconds >= 0 && seconds <= LATEST_EXP ? Instant.ofEpochSecond((long) seconds) : null;
    }
}
