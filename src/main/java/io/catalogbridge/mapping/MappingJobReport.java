package io.catalogbridge.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.catalogbridge.client.SkippedObjects;
import java.util.List;

/**
 * An automatic mapping job as {@code GET .../mappings/<catalog>/auto?job_id=} answers it: the documented
 * {@code status}, {@code error_message} (null unless FAILED) and {@code result} (the mappings the job created or
 * changed, each in its catalog's mapping shape: {@link JobMappings}), plus its summary, progress, and the assets it
 * could not map with the reason.
 */
public record MappingJobReport(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("status") String status,
        @JsonProperty("error_message") @JsonInclude(JsonInclude.Include.ALWAYS) String errorMessage,
        @JsonProperty("result") List<?> result,
        @JsonProperty("summary") Summary summary,
        @JsonProperty("progress") Progress progress,
        @JsonProperty("ambiguous") List<Unmapped> ambiguous,
        @JsonProperty("unmatched") List<Unmapped> unmatched) {

    /** How the job's assets fared; null counts until the job has finished matching. */
    public record Summary(
            @JsonProperty("assets") Integer assets,
            @JsonProperty("mapped") Integer mapped,
            @JsonProperty("unchanged") Integer unchanged,
            @JsonProperty("ambiguous") Integer ambiguous,
            @JsonProperty("unmatched") Integer unmatched) {
    }

    /**
     * How far the job has read the catalog, how it chose to read it, and the objects of the catalog's answers it
     * passed over because they could not be used (a count and a sample: which, and why).
     */
    public record Progress(
            @JsonProperty("plan") String plan,
            @JsonProperty("pages_read") long pagesRead,
            @JsonProperty("tables_read") long tablesRead,
            @JsonProperty("attempts") int attempts,
            @JsonProperty("objects_skipped") SkippedObjects.Report objectsSkipped) {
    }

    /**
     * An asset the job did not map, why, and (when ambiguous) the tables it could not choose between, as the
     * catalog's ids: numbers or strings, whichever its ids are.
     */
    public record Unmapped(
            @JsonProperty("asset_id") String assetId,
            @JsonProperty("reason") String reason,
            @JsonProperty("candidate_table_ids") List<?> candidateTableIds) {
    }
}
