package io.catalogbridge.status;

/** What the catalog makes of the credential a tenant's integration holds (its token), as the status shows it. */
public enum CredentialState {
    /** The catalog takes it; it may still expire ({@code expires_at}). */
    ACTIVE,
    /** Past its expiry: the catalog refuses it, or will at its next call. */
    EXPIRED,
    /** The catalog refused it (revoked, wrong, not the catalog's), or refused the calls made with it. */
    REFUSED,
    /** Not known just now: the catalog could not be asked, or its answer could not be read. */
    UNKNOWN
}
