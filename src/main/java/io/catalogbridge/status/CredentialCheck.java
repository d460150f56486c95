package io.catalogbridge.status;

import java.time.Instant;

/**
 * A wing's word on a tenant's credential: its state and, when known, when it expires. Never the credential itself.
 *
 * @param state     what the catalog makes of it
 * @param expiresAt when it expires; null when it never does or that is not known
 */
public record CredentialCheck(CredentialState state, Instant expiresAt) {

    public static CredentialCheck active(Instant expiresAt) {
        return new CredentialCheck(CredentialState.ACTIVE, expiresAt);
    }

    public static CredentialCheck expired(Instant expiresAt) {
        return new CredentialCheck(CredentialState.EXPIRED, expiresAt);
    }

    public static CredentialCheck refused() {
        return new CredentialCheck(CredentialState.REFUSED, null);
    }

    public static CredentialCheck unknown() {
        return new CredentialCheck(CredentialState.UNKNOWN, null);
    }

    /** ACTIVE with an expiry already past is EXPIRED: a clock is a better judge than an old answer. */
    public CredentialCheck at(Instant now) {
        return state == CredentialState.ACTIVE && expiresAt != null && !now.isBefore(expiresAt)
                ? expired(expiresAt) : this;
    }
}
