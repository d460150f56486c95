package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.SimulatorJson;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

/**
 * Who a configured bearer token stands for: a bot or a user, an admin or not, and when the token expires (the JWT's
 * {@code exp} claim, read from the token itself; null for a token that never expires or is no JWT). Bots and admins
 * see database services with their {@code connection}; everyone else without it.
 */
public record Principal(String token, String name, String email, boolean bot, boolean admin, Instant expiresAt) {

    /** The demo's ingestion-bot token: a JWT without {@code exp}, as a bot token set to never expire. */
    public static final String DEMO_BOT_TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImNhdGFsb2ctYnJpZGdlLXNp"
            + "bXVsYXRvciJ9.eyJpc3MiOiJvcGVuLW1ldGFkYXRhLm9yZyIsInN1YiI6ImluZ2VzdGlvbi1ib3QiLCJlbWFpbCI6ImluZ2VzdGlvbi1i"
            + "b3RAb3Blbm1ldGFkYXRhLm9yZyIsImlzQm90Ijp0cnVlLCJ0b2tlblR5cGUiOiJCT1QiLCJpYXQiOjE3MzU2ODk2MDB9.IR_YGNwY7ph"
            + "k_aJrXk8Z7BX6fyBGyzGVYbHd4t0UsB4MChIMemQkQ-BTLt4lFMK_RdwdrCWHk3Dd5RcwKZ0aMg";
    /** A personal access token of the user {@code data.steward} (no bot, no admin), expiring in 2100. */
    public static final String DEMO_USER_TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImNhdGFsb2ctYnJpZGdlLXN"
            + "pbXVsYXRvciJ9.eyJpc3MiOiJvcGVuLW1ldGFkYXRhLm9yZyIsInN1YiI6ImRhdGEuc3Rld2FyZCIsImVtYWlsIjoiZGF0YS5zdGV3YX"
            + "JkQGV4YW1wbGUuY29tIiwiaXNCb3QiOmZhbHNlLCJ0b2tlblR5cGUiOiJQRVJTT05BTF9BQ0NFU1MiLCJpYXQiOjE3MzU2ODk2MDAsIm"
            + "V4cCI6NDEwMjQ0NDgwMH0.2ZpnRoDmiYqvSSWogvWGT1nO3qYi_c1GIQX6PflNVseqYitKUdWJpZ4Wc3fmsZhVDPzgQQq8WYGNTkkDmQw"
            + "k2w";
    /** A bot token that expired on 2024-02-01: known, but every call with it is a 401. */
    public static final String DEMO_EXPIRED_TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImNhdGFsb2ctYnJpZGd"
            + "lLXNpbXVsYXRvciJ9.eyJpc3MiOiJvcGVuLW1ldGFkYXRhLm9yZyIsInN1YiI6ImV4cGlyZWQtYm90IiwiZW1haWwiOiJleHBpcmVkLW"
            + "JvdEBvcGVubWV0YWRhdGEub3JnIiwiaXNCb3QiOnRydWUsInRva2VuVHlwZSI6IkJPVCIsImlhdCI6MTcwNDA2NzIwMCwiZXhwIjoxNz"
            + "A2NzQ1NjAwfQ.u8Ys_Z6GDvpvjQX64s3EKSZaBaDIt-k9m2wnNkBtZvgs4NJzhRREoofGlfTT8P21fYAaJV8goskg_UZAylm7Mg";

    public Principal {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a token is required");
        }
        if (name == null || name.isBlank() || email == null || !email.contains("@")) {
            throw new IllegalArgumentException("a name and an email are required");
        }
    }

    /**
     * A principal for a token: name, email and bot flag from the JWT's claims ({@code sub}, {@code email},
     * {@code isBot}) where it has them, else the given defaults; the expiry from {@code exp}.
     */
    public static Principal of(String token, String defaultName, boolean defaultBot, boolean admin) {
        Claims claims = Claims.read(token);
        String name = claims.subject != null ? claims.subject : defaultName;
        String email = claims.email != null ? claims.email : name + "@openmetadata.org";
        return new Principal(token, name, email, claims.bot != null ? claims.bot : defaultBot, admin,
                claims.expiresAt);
    }

    public boolean seesConnections() {
        return bot || admin;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Principal[name=" + name + ", bot=" + bot + ", admin=" + admin + ", expiresAt=" + expiresAt
                + ", token=<redacted>]";
    }

    /** The claims of a JWT's payload (header.payload.signature, base64url JSON); all null when it is no JWT. */
    private static final class Claims {
        String subject;
        String email;
        Boolean bot;
        Instant expiresAt;

        static Claims read(String token) {
            Claims claims = new Claims();
            String[] parts = token.split("\\.", -1);
            if (parts.length != 3) {
                return claims;
            }
            try (JsonParser parser = SimulatorJson.FACTORY.createParser(Base64.getUrlDecoder().decode(parts[1]))) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return claims;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "sub" -> claims.subject = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                        case "email" -> claims.email = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                        case "isBot" -> claims.bot = value.isBoolean() ? parser.getBooleanValue() : null;
                        case "exp" -> claims.expiresAt = value.isNumeric()
                                ? Instant.ofEpochSecond(parser.getLongValue()) : null;
                        default -> parser.skipChildren();
                    }
                }
            } catch (IOException | IllegalArgumentException notAJwt) {
                return new Claims();
            }
            return claims;
        }
    }
}
