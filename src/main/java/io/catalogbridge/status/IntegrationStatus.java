package io.catalogbridge.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * The status of a tenant's integration of one catalog
 * ({@code GET /{tenant}/configuration/integrations/<catalog>/status}).
 * Every field is always present; those unknown are null. The rules of {@code state} are {@link IntegrationStatuses}'.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IntegrationStatus(
        State state,
        Credential credential,
        @JsonProperty("last_success_at") Instant lastSuccessAt,
        @JsonProperty("last_error") LastError lastError,
        long mappings,
        @JsonProperty("stale_mappings") long staleMappings,
        Quality quality,
        @JsonProperty("last_mapping_job") LastMappingJob lastMappingJob) {

    public enum State { OK, DEGRADED, FAILING }

    /** The stored credential as the catalog sees it; never the credential itself. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Credential(
            CredentialState status,
            @JsonProperty("expires_at") Instant expiresAt,
            @JsonProperty("days_left") Long daysLeft) {
    }

    /** The last call that failed for good (after its retries), with the failure's words (never a secret). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LastError(Instant at, String message) {
    }

    /** The tenant's quality deliveries to the catalog. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Quality(long pending, long failed, @JsonProperty("oldest_pending_at") Instant oldestPendingAt) {
    }

    /** The tenant's latest automatic mapping job in the catalog. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LastMappingJob(@JsonProperty("job_id") UUID jobId, String status,
            @JsonProperty("finished_at") Instant finishedAt) {
    }
}
