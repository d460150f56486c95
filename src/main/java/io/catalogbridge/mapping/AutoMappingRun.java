package io.catalogbridge.mapping;

import io.catalogbridge.client.SkippedObjects;
import io.catalogbridge.matching.AssetMatcher;
import io.catalogbridge.matching.CatalogTable;
import io.catalogbridge.matching.MatchOutcome;
import io.catalogbridge.matching.MatchStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One execution of an automatic mapping job: the matcher fed page by page, the plan, the progress, and once the
 * catalog is read, what to write. Its memory grows with the tenant's assets, not with the catalog.
 *
 * @param <I> the catalog's id type
 * @param <T> the wing's table type
 * @param <M> the wing's mapping type
 */
public final class AutoMappingRun<I extends Comparable<? super I>, T extends CatalogTable<I>, M> {

    /**
     * What the job found: mappings to write, assets left as they were ({@code left}: their count is
     * {@code unchanged}), and those it could not map.
     */
    public record Outcome<I extends Comparable<? super I>, M>(int assets, List<M> written, int unchanged,
            List<MatchOutcome<I, M>> ambiguous, List<MatchOutcome<I, M>> unmatched, List<Left<I>> left) {
    }

    /** An asset already mapped that the job leaves as it is, and why. */
    public record Left<I>(String assetId, I tableId, String reason) {
    }

    static final String LEFT_NOT_OVERWRITTEN = "Already mapped, and should_overwrite is false";
    static final String LEFT_SAME_TABLE = "Already mapped to the table it matches";

    private final String jobId;
    private final String tenant;
    private final boolean overwrite;
    private final AssetMatcher<I, T, M> matcher;
    private final Map<String, I> mappedTableIds;
    private final String plan;
    private final List<Map<String, Object>> queries;
    private final long progressIntervalNanos;
    private final SkippedObjects skipped;
    private long pagesRead;
    private long tablesRead;
    private long progressSavedAt = System.nanoTime();
    private Outcome<I, M> outcome;

    AutoMappingRun(String jobId, String tenant, boolean overwrite, AssetMatcher<I, T, M> matcher,
            Map<String, I> mappedTableIds, String plan, List<Map<String, Object>> queries,
            long progressIntervalNanos, SkippedObjects skipped) {
        this.jobId = jobId;
        this.tenant = tenant;
        this.overwrite = overwrite;
        this.matcher = matcher;
        this.mappedTableIds = mappedTableIds;
        this.plan = plan;
        this.queries = queries;
        this.progressIntervalNanos = progressIntervalNanos;
        this.skipped = skipped;
    }

    synchronized boolean accept(List<? extends T> page) {
        matcher.accept(page);
        pagesRead++;
        tablesRead += page.size();
        long now = System.nanoTime();
        if (now - progressSavedAt >= progressIntervalNanos) {
            progressSavedAt = now;
            return true;
        }
        return false;
    }

    /** Resolves the matches once (rules 3 and 4), and applies should_overwrite against the existing mappings. */
    public synchronized Outcome<I, M> outcome() {
        if (outcome == null) {
            List<M> written = new ArrayList<>();
            List<MatchOutcome<I, M>> ambiguous = new ArrayList<>();
            List<MatchOutcome<I, M>> unmatched = new ArrayList<>();
            List<Left<I>> left = new ArrayList<>();
            List<MatchOutcome<I, M>> results = matcher.outcomes();
            for (MatchOutcome<I, M> result : results) {
                I mappedTo = mappedTableIds.get(result.assetId());
                if (mappedTo != null && !overwrite) {
                    left.add(new Left<>(result.assetId(), mappedTo, LEFT_NOT_OVERWRITTEN));
                } else if (result.status() == MatchStatus.MAPPED) {
                    if (mappedTo != null && mappedTo.equals(result.candidateTableIds().get(0))) {
                        left.add(new Left<>(result.assetId(), mappedTo, LEFT_SAME_TABLE));
                    } else {
                        written.add(result.mapping());
                    }
                } else if (result.status() == MatchStatus.AMBIGUOUS) {
                    ambiguous.add(result);
                } else {
                    unmatched.add(result);
                }
            }
            outcome = new Outcome<>(results.size(), written, left.size(), ambiguous, unmatched, List.copyOf(left));
        }
        return outcome;
    }

    /** The table an asset was mapped to when the job began, or null. */
    I previousTableId(String assetId) {
        return mappedTableIds.get(assetId);
    }

    public String jobId() {
        return jobId;
    }

    public String tenant() {
        return tenant;
    }

    public boolean overwrite() {
        return overwrite;
    }

    String plan() {
        return plan;
    }

    List<Map<String, Object>> queries() {
        return queries;
    }

    /** The objects of the catalog's answers the job passed over (data sources and tables). */
    SkippedObjects skipped() {
        return skipped;
    }

    synchronized long pagesRead() {
        return pagesRead;
    }

    synchronized long tablesRead() {
        return tablesRead;
    }
}
