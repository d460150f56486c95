package io.catalogbridge.mapping;

import io.catalogbridge.alation.AlationMapping;
import io.catalogbridge.alation.AlationTable;
import io.catalogbridge.alation.SkippedObjects;
import io.catalogbridge.alation.AlationMatcher;
import io.catalogbridge.matching.MatchOutcome;
import io.catalogbridge.matching.MatchStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One execution of an automatic mapping job: the matcher fed page by page, the plan, the progress, and once the
 * catalog is read, what to write. Its memory grows with the tenant's assets, not with the catalog.
 */
public final class AutoMappingRun {

    /** What the job found: mappings to write, assets left as they were, and those it could not map. */
    public record Outcome(int assets, List<AlationMapping> written, int unchanged, List<MatchOutcome<Long, AlationMapping>> ambiguous,
            List<MatchOutcome<Long, AlationMapping>> unmatched) {
    }

    private final String jobId;
    private final String tenant;
    private final boolean overwrite;
    private final AlationMatcher matcher;
    private final Map<String, Long> mappedTableIds;
    private final String plan;
    private final List<Map<String, Object>> queries;
    private final long progressIntervalNanos;
    private final SkippedObjects skipped;
    private long pagesRead;
    private long tablesRead;
    private long progressSavedAt = System.nanoTime();
    private Outcome outcome;

    AutoMappingRun(String jobId, String tenant, boolean overwrite, AlationMatcher matcher,
            Map<String, Long> mappedTableIds, String plan, List<Map<String, Object>> queries,
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

    synchronized boolean accept(List<AlationTable> page) {
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
    synchronized Outcome outcome() {
        if (outcome == null) {
            List<AlationMapping> written = new ArrayList<>();
            List<MatchOutcome<Long, AlationMapping>> ambiguous = new ArrayList<>();
            List<MatchOutcome<Long, AlationMapping>> unmatched = new ArrayList<>();
            int unchanged = 0;
            List<MatchOutcome<Long, AlationMapping>> results = matcher.outcomes();
            for (MatchOutcome<Long, AlationMapping> result : results) {
                Long mappedTo = mappedTableIds.get(result.assetId());
                if (mappedTo != null && !overwrite) {
                    unchanged++;
                } else if (result.status() == MatchStatus.MAPPED) {
                    if (mappedTo != null && mappedTo == result.mapping().tableId()) {
                        unchanged++;
                    } else {
                        written.add(result.mapping());
                    }
                } else if (result.status() == MatchStatus.AMBIGUOUS) {
                    ambiguous.add(result);
                } else {
                    unmatched.add(result);
                }
            }
            outcome = new Outcome(results.size(), written, unchanged, ambiguous, unmatched);
        }
        return outcome;
    }

    String jobId() {
        return jobId;
    }

    String tenant() {
        return tenant;
    }

    boolean overwrite() {
        return overwrite;
    }

    String plan() {
        return plan;
    }

    List<Map<String, Object>> queries() {
        return queries;
    }

    /** The objects of Alation's answers the job passed over (data sources and tables). */
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
