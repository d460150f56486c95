package io.catalogbridge.status;

/**
 * A wing's part in the status of its integrations ({@code GET /{tenant}/configuration/integrations/<catalog>/status}):
 * the catalog it is, queries of its own tables, and how it checks a tenant's credential. One bean per wing (in
 * {@code io.catalogbridge.<catalog>}); the core ({@link IntegrationStatuses}, {@link CredentialChecks}) assembles the
 * answer and never names a catalog.
 *
 * <p>The queries are files under {@code sql/}, named after the catalog: {@code <catalog>-status-integration.sql},
 * {@code <catalog>-status-integrations.sql} and {@code <catalog>-status-mappings.sql}.
 */
public interface IntegrationStatusSource {

    /** The catalog's id, as in its paths, {@code mapping_job.catalog} and {@code quality_delivery.catalog}. */
    String catalog();

    /** The catalog's name as users read it, in messages and logs. */
    String catalogName();

    /**
     * A query that takes {@code :#tenant} and answers one row when the tenant has an integration of the catalog:
     * {@code tenant_id}, {@code version} (bumped by every change of the integration, on any replica) and
     * {@code updated_at} (when it last changed).
     */
    default String integrationQuery() {
        return catalog() + "-status-integration.sql";
    }

    /** The same columns for every tenant that has an integration of the catalog (the background refresh reads it). */
    default String integrationsQuery() {
        return catalog() + "-status-integrations.sql";
    }

    /**
     * A query that takes {@code :#tenant} and answers {@code mappings} (how many of its assets are mapped there) and
     * {@code stale_mappings} (how many of those the last verification, or a refused quality delivery, found not OK).
     */
    default String mappingsQuery() {
        return catalog() + "-status-mappings.sql";
    }

    /**
     * Asks what the catalog makes of the tenant's stored credential, now. May call the catalog; never throws (a
     * catalog that cannot be asked is {@link CredentialState#UNKNOWN}) and never shows or logs the credential.
     */
    CredentialCheck checkCredential(String tenant);

    /** Its {@code credential-check-cache} and {@code credential-warning-days}. */
    CredentialSettings credentialSettings();
}
