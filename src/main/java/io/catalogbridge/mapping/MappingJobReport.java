package io.catalogbridge.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.catalogbridge.client.SkippedObjects;
import java.util.List;

/**
 * A mapping job as {@code GET .../mappings/<catalog>/auto?job_id=} answers it: the documented {@code status},
 * {@code error_message} (null unless FAILED) and {@code result} (the mappings the job created or changed, each in its
 * catalog's mapping shape: {@link JobMappings}), plus its kind, summary, progress, and what it found per asset.
 * <ul>
 * <li>An automatic job ({@code kind} auto): the assets it could not map, with the reason. A preview
 * ({@code dry_run} true) writes nothing, so its {@code result} is empty, and says what the run would do:
 * {@code would_create}, {@code would_change} (the table each asset is mapped to now, and its new mapping) and
 * {@code would_leave}.</li>
 * <li>A verification ({@code kind} verify): the mappings it found {@code renamed}, {@code moved} or {@code gone},
 * each as it was and (renamed, moved) as it is in the catalog now; {@code result} holds the mappings it rewrote
 * (the renamed ones' refreshed names, and with {@code repair} the moved ones re-pointed).</li>
 * </ul>
 */
public record MappingJobReport(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("status") String status,
        @JsonProperty("error_message") @JsonInclude(JsonInclude.Include.ALWAYS) String errorMessage,
        @JsonProperty("result") List<?> result,
        @JsonProperty("summary") Summary summary,
        @JsonProperty("progress") Progress progress,
        @JsonProperty("ambiguous") List<Unmapped> ambiguous,
        @JsonProperty("unmatched") List<Unmapped> unmatched,
        @JsonProperty("kind") String kind,
        @JsonProperty("dry_run") boolean dryRun,
        @JsonProperty("repair") Boolean repair,
        @JsonProperty("would_create") List<?> wouldCreate,
        @JsonProperty("would_change") List<Change> wouldChange,
        @JsonProperty("would_leave") List<Left> wouldLeave,
        @JsonProperty("renamed") List<Drift> renamed,
        @JsonProperty("moved") List<Drift> moved,
        @JsonProperty("gone") List<Drift> gone) {

    /**
     * How the job's assets fared; null counts until the job has finished. An automatic job counts assets, mapped,
     * unchanged, ambiguous and unmatched; a verification counts the mappings it checked and what it found.
     */
    public record Summary(
            @JsonProperty("assets") Integer assets,
            @JsonProperty("mapped") Integer mapped,
            @JsonProperty("unchanged") Integer unchanged,
            @JsonProperty("ambiguous") Integer ambiguous,
            @JsonProperty("unmatched") Integer unmatched,
            @JsonProperty("mappings") Integer mappings,
            @JsonProperty("ok") Integer ok,
            @JsonProperty("renamed") Integer renamed,
            @JsonProperty("moved") Integer moved,
            @JsonProperty("gone") Integer gone,
            @JsonProperty("repaired") Integer repaired) {
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

    /** A mapping a preview would change: the table the asset is mapped to now, and the mapping it would get. */
    public record Change(
            @JsonProperty("asset_id") String assetId,
            @JsonProperty("previous_table_id") Object previousTableId,
            @JsonProperty("mapping") Object mapping) {
    }

    /** An asset already mapped that a preview would leave as it is, and why. */
    public record Left(
            @JsonProperty("asset_id") String assetId,
            @JsonProperty("table_id") Object tableId,
            @JsonProperty("reason") String reason) {
    }

    /**
     * A mapping a verification found not OK: as it was ({@code previous}), as the catalog has its table now
     * ({@code mapping}: the refreshed names of a renamed table, the new table of a moved one; null when gone), why,
     * and whether it was repaired (a moved mapping re-pointed, a gone one removed).
     */
    public record Drift(
            @JsonProperty("asset_id") String assetId,
            @JsonProperty("state") String state,
            @JsonProperty("reason") String reason,
            @JsonProperty("previous") Object previous,
            @JsonProperty("mapping") Object mapping,
            @JsonProperty("repaired") boolean repaired) {
    }
}
