package io.catalogbridge.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.assets.Asset;
import io.catalogbridge.client.SkippedObjects;
import io.catalogbridge.database.CopyRows;
import io.catalogbridge.matching.AssetMatcher;
import io.catalogbridge.matching.CatalogTable;
import io.catalogbridge.matching.MatchOutcome;
import io.catalogbridge.matching.MatchStatus;
import io.catalogbridge.matching.SchemaRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The automatic mapping job's steps that need Java and no catalog, for a wing's part of the job
 * ({@code routes/<catalog>/auto-mapping.camel.yaml}) and the core's ({@code routes/mapping/}): one
 * {@link AutoMappingRun} per execution carries the matcher, the plan and the progress from step to step.
 */
@Component("autoMapping")
public class AutoMapping {

    private final MappingProperties properties;
    private final ObjectMapper objectMapper;
    private final MappingJobs jobs;
    private final CopyRows copyRows;
    private final Map<String, Integer> targetedPlanLimits = new java.util.concurrent.ConcurrentHashMap<>();

    public AutoMapping(MappingProperties properties, ObjectMapper objectMapper, MappingJobs jobs, CopyRows copyRows) {
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.jobs = jobs;
        this.copyRows = copyRows;
    }

    /**
     * Builds the run: the wing's matcher over the tenant's assets, and the plan (which listings of tables to read):
     * the targeted plan (the listings the wing's {@code listing} gives for each schema request: one filtered listing
     * for a catalog that filters by schema name, the listings of the schemas it found for a catalog whose schemas
     * are named exactly, none for a schema the catalog does not have) while it takes at most
     * {@code targeted-plan-max-queries} listings, else the full plan (one listing of every table: no filters).
     * {@code listing} is not asked when the requests alone are too many ({@link #targetedPlanPossible}). A job may be
     * allowed more listings ({@link #allowTargetedPlan}).
     *
     * @param mappedTableIds asset id → the table it is mapped to now, for should_overwrite
     */
    public <I extends Comparable<? super I>, T extends CatalogTable<I>, M> AutoMappingRun<I, T, M> start(String jobId,
            String tenant, boolean overwrite, List<Asset> assets, AssetMatcher<I, T, M> matcher,
            Map<String, I> mappedTableIds, Function<SchemaRequest<I>, List<Map<String, Object>>> listing,
            SkippedObjects skipped) {
        int maxQueries = targetedPlanMaxQueries(jobId);
        List<Map<String, Object>> targeted = matcher.schemaRequestsAtMost(maxQueries)
                ? targetedListings(matcher.schemaRequests(), listing, maxQueries) : null;
        boolean useTargeted = !assets.isEmpty() && targeted != null;
        List<Map<String, Object>> queries = assets.isEmpty() ? List.of() : useTargeted ? targeted : List.of(Map.of());
        String plan = assets.isEmpty() ? "none" : useTargeted ? "targeted" : "full";
        return new AutoMappingRun<>(jobId, tenant, overwrite, matcher, mappedTableIds, plan, queries,
                properties.progressInterval().toNanos(), skipped == null ? SkippedObjects.create() : skipped);
    }

    /** The distinct listings of the requests, or null once they pass {@code maxQueries} (the rest not asked). */
    private static <I extends Comparable<? super I>> List<Map<String, Object>> targetedListings(
            List<SchemaRequest<I>> requests, Function<SchemaRequest<I>, List<Map<String, Object>>> listing,
            int maxQueries) {
        Set<Map<String, Object>> listings = new LinkedHashSet<>();
        for (SchemaRequest<I> request : requests) {
            listings.addAll(listing.apply(request));
            if (listings.size() > maxQueries) {
                return null;
            }
        }
        return List.copyOf(listings);
    }

    /**
     * Whether the targeted plan can be the job's: its schema requests are at most {@code targeted-plan-max-queries}.
     * A wing that must look its catalog's schemas up before it can list them asks this first, and spares the lookups
     * when the whole catalog will be read anyway.
     */
    public boolean targetedPlanPossible(String jobId, AssetMatcher<?, ?, ?> matcher) {
        return matcher.schemaRequestsAtMost(targetedPlanMaxQueries(jobId));
    }

    /**
     * Lets the job's targeted plan take up to {@code maxQueries} listings (at least {@code targeted-plan-max-queries})
     * until {@link #forgetTargetedPlanLimit}: a verification looks for a few missing tables among many mappings, and
     * their listings cost less than reading the whole catalog again.
     */
    public void allowTargetedPlan(String jobId, int maxQueries) {
        targetedPlanLimits.put(jobId, Math.max(maxQueries, properties.targetedPlanMaxQueries()));
    }

    public void forgetTargetedPlanLimit(String jobId) {
        targetedPlanLimits.remove(jobId);
    }

    private int targetedPlanMaxQueries(String jobId) {
        return jobId == null ? properties.targetedPlanMaxQueries()
                : targetedPlanLimits.getOrDefault(jobId, properties.targetedPlanMaxQueries());
    }

    /** The skipped objects of the job's listings, counted from its first listing (the data sources) on. */
    public SkippedObjects newSkipped() {
        return SkippedObjects.create();
    }

    /** The tenant's assets from the rows of {@code sql/asset-select-all.sql}, read one row at a time. */
    public List<Asset> assets(Iterator<Map<String, Object>> rows) {
        List<Asset> assets = new ArrayList<>();
        rows.forEachRemaining(row -> assets.add(asset(row)));
        return assets;
    }

    public String plan(AutoMappingRun<?, ?, ?> run) {
        return run.plan();
    }

    public int queryCount(AutoMappingRun<?, ?, ?> run) {
        return run.queries().size();
    }

    public Map<String, Object> query(AutoMappingRun<?, ?, ?> run, int index) {
        return run.queries().get(index);
    }

    /** One page of tables through the matcher; true when it is time to save the progress. */
    public <I extends Comparable<? super I>, T extends CatalogTable<I>> boolean accept(AutoMappingRun<I, T, ?> run,
            List<T> page) {
        return run.accept(page);
    }

    public Map<String, Object> progressRow(AutoMappingRun<?, ?, ?> run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("job_id", run.jobId());
        row.put("plan", run.plan());
        row.put("pages_read", run.pagesRead());
        row.put("tables_read", run.tablesRead());
        row.put("objects_skipped", json(run.skipped().report(), "A report of skipped objects"));
        return row;
    }

    public Map<String, Object> completionRow(AutoMappingRun<?, ?, ?> run) {
        AutoMappingRun.Outcome<?, ?> outcome = run.outcome();
        Map<String, Object> row = progressRow(run);
        row.put("assets", outcome.assets());
        row.put("mapped", outcome.written().size());
        row.put("unchanged", outcome.unchanged());
        row.put("ambiguous", outcome.ambiguous().size());
        row.put("unmatched", outcome.unmatched().size());
        for (String verification : List.of("ok", "renamed", "moved", "gone", "repaired")) {
            row.put(verification, null);
        }
        return row;
    }

    /**
     * Copies the job's per-asset outcomes into {@code mapping_job_asset} (one COPY,
     * {@code sql/mapping-job-asset-copy.sql}, streamed: the rows are built as they are sent), in the caller's
     * transaction: the mappings written (with the table each asset was mapped to before, if any; stored as the
     * mapping's JSON, the catalog's documented shape, serialised once), then the ambiguous assets (their candidates
     * as a JSON array of the catalog's ids) and the unmatched ones, and for a preview the assets it would leave.
     * Answers the rows copied.
     */
    public <M> long copyOutcomes(String catalog, AutoMappingRun<?, ?, M> run, boolean dryRun) {
        return copyRows.copy("mapping-job-asset-copy.sql", outcomeRows(run, wing(catalog), dryRun));
    }

    /**
     * Stages the mappings the job writes in {@code mapping_job_staging} (one COPY,
     * {@code sql/mapping-job-staging-copy.sql}), in the caller's transaction: each with the wing's columns of it
     * ({@link JobMappings#stagingFields}), for the wing's one set-based upsert from there; none for a preview, which
     * writes no mapping. The write empties the table before it commits. Answers the rows staged.
     */
    public <M> long stageMappings(String catalog, AutoMappingRun<?, ?, M> run, boolean dryRun) {
        if (dryRun) {
            return 0;
        }
        JobMappings<M> wing = wing(catalog);
        String jobId = run.jobId();
        Iterator<M> written = run.outcome().written().iterator();
        return copyRows.copy("mapping-job-staging-copy.sql", new Iterator<>() {
            @Override
            public boolean hasNext() {
                return written.hasNext();
            }

            @Override
            public Object[] next() {
                M mapping = written.next();
                return new Object[] {jobId, wing.assetId(mapping), json(wing.stagingFields(mapping),
                    "A mapping's fields")};
            }
        });
    }

    @SuppressWarnings("unchecked")
    private <M> JobMappings<M> wing(String catalog) {
        return (JobMappings<M>) jobs.wing(catalog);
    }

    private <I extends Comparable<? super I>, M> Iterator<Object[]> outcomeRows(AutoMappingRun<I, ?, M> run,
            JobMappings<M> wing, boolean dryRun) {
        AutoMappingRun.Outcome<I, M> outcome = run.outcome();
        List<M> written = outcome.written();
        List<MatchOutcome<I, M>> unmapped = Stream.concat(outcome.ambiguous().stream(), outcome.unmatched().stream())
                .toList();
        List<AutoMappingRun.Left<I>> left = dryRun ? outcome.left() : List.of();
        int mappedAndUnmapped = written.size() + unmapped.size();
        int total = mappedAndUnmapped + left.size();
        String jobId = run.jobId();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < total;
            }

            @Override
            public Object[] next() {
                if (next >= total) {
                    throw new java.util.NoSuchElementException();
                }
                int i = next++;
                Object[] row = i < written.size() ? mappedRow(written.get(i), wing, run)
                        : i < mappedAndUnmapped ? unmappedRow(unmapped.get(i - written.size()))
                        : leftRow(left.get(i - mappedAndUnmapped));
                return copyRow(jobId, row);
            }
        };
    }

    /** A row of {@code sql/mapping-job-asset-copy.sql} from a row of {@link #OUTCOME_COLUMNS}. */
    private static Object[] copyRow(String jobId, Object[] outcome) {
        return new Object[] {jobId, outcome[0], outcome[1], outcome[2], outcome[3], outcome[4], outcome[5]};
    }

    /** The parameters of the statements that read the job's staged rows. */
    public Map<String, Object> stagedParameters(AutoMappingRun<?, ?, ?> run) {
        return Map.of("job_id", run.jobId(), "tenant_id", run.tenant(), "overwrite", run.overwrite());
    }

    /** The assets whose mappings the job writes (none for a preview), for {@code QualityCatalogs.requeue}. */
    public <M> List<String> writtenAssetIds(String catalog, AutoMappingRun<?, ?, M> run, boolean dryRun) {
        if (dryRun) {
            return List.of();
        }
        JobMappings<M> wing = wing(catalog);
        return run.outcome().written().stream().map(wing::assetId).toList();
    }

    /** The columns of {@code sql/mapping-job-asset-insert-batch.sql} (a verification's outcomes), in its order. */
    static final List<String> OUTCOME_COLUMNS = List.of("asset_id", "outcome", "reason", "mapping",
            "candidate_table_ids", "previous_table_id", "previous_mapping", "repaired");

    private <I extends Comparable<? super I>, M> Object[] mappedRow(M mapping, JobMappings<M> wing,
            AutoMappingRun<I, ?, M> run) {
        String assetId = wing.assetId(mapping);
        I previous = run.previousTableId(assetId);
        return new Object[] {assetId, MatchStatus.MAPPED.name(), null, json(mapping, "A mapping"), null,
            previous == null ? null : json(previous, "A table id"), null, null};
    }

    private Object[] unmappedRow(MatchOutcome<?, ?> result) {
        String candidates = result.status() == MatchStatus.AMBIGUOUS
                ? json(result.candidateTableIds(), "A list of table ids") : null;
        return new Object[] {result.assetId(), result.status().name(), result.reason(), null, candidates, null, null,
            null};
    }

    private Object[] leftRow(AutoMappingRun.Left<?> left) {
        return new Object[] {left.assetId(), "LEFT", left.reason(), null, null, json(left.tableId(), "A table id"),
            null, null};
    }

    String json(Object value, String what) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " is always JSON", e);
        }
    }

    private static Asset asset(Map<String, Object> row) {
        return new Asset((String) row.get("asset_id"), (String) row.get("data_source_name"),
                (String) row.get("data_source_type"), (String) row.get("host"),
                row.get("port") == null ? null : ((Number) row.get("port")).intValue(),
                (String) row.get("database_name"), (String) row.get("schema_name"), (String) row.get("table_name"));
    }
}
