package io.catalogbridge.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.api.Batches;
import io.catalogbridge.assets.Asset;
import io.catalogbridge.client.SkippedObjects;
import io.catalogbridge.matching.CatalogTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The verification job's steps that need Java and no catalog ({@code routes/mapping/verification.camel.yaml}): one
 * {@link VerificationRun} per execution, the wing's {@link MappingChecks} for what is its catalog's.
 */
@Component("mappingVerification")
public class MappingVerification {

    private final Map<String, MappingChecks<?, ?, ?>> checksByCatalog;
    private final MappingJobs jobs;
    private final AutoMapping autoMapping;
    private final MappingListing listing;
    private final ObjectMapper objectMapper;

    public MappingVerification(List<MappingChecks<?, ?, ?>> wings, MappingJobs jobs, AutoMapping autoMapping,
            MappingListing listing, ObjectMapper objectMapper) {
        this.checksByCatalog = wings.stream()
                .collect(Collectors.toUnmodifiableMap(MappingChecks::catalog, w -> w));
        this.jobs = jobs;
        this.autoMapping = autoMapping;
        this.listing = listing;
        this.objectMapper = objectMapper;
    }

    public VerificationRun<?, ?, ?> start(String jobId, String tenant, String catalog, boolean repair) {
        return start(jobId, tenant, catalog, repair, checks(catalog));
    }

    private <I extends Comparable<? super I>, T extends CatalogTable<I>, M> VerificationRun<I, T, M> start(
            String jobId, String tenant, String catalog, boolean repair, MappingChecks<I, T, M> checks) {
        @SuppressWarnings("unchecked")
        JobMappings<M> mappings = (JobMappings<M>) jobs.wing(catalog);
        return new VerificationRun<>(jobId, tenant, catalog, repair, checks, mappings);
    }

    /**
     * The tenant's mappings in the batches the wing checks at once, read from the database a page at a time (keyset,
     * by asset_id) as the batches are asked for.
     */
    public Iterator<List<Object>> batches(VerificationRun<?, ?, ?> run) {
        MappingChecks<?, ?, ?> checks = checks(run.catalog());
        int size = checks.checkBatchSize();
        Iterator<List<Map<String, Object>>> pages = listing.pages(checks.pageQuery(), run.tenant(), false);
        return new Iterator<>() {
            private final List<Map<String, Object>> rows = new ArrayList<>();

            @Override
            public boolean hasNext() {
                while (rows.size() < size && pages.hasNext()) {
                    rows.addAll(pages.next());
                }
                return !rows.isEmpty();
            }

            @Override
            public List<Object> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Map<String, Object>> taken = rows.subList(0, Math.min(size, rows.size()));
                List<Object> batch = new ArrayList<>(taken.size());
                taken.forEach(row -> batch.add(checks.mapping(row)));
                taken.clear();
                return batch;
            }
        };
    }

    /**
     * One batch of mappings (from {@link #batches}) against the tables the wing found under their ids, in
     * {@code requests} requests (null: one).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void check(VerificationRun run, List<?> batch, List<?> found, Integer requests) {
        run.check(batch, found == null ? List.of() : found, requests == null ? 1 : requests,
                (a, b) -> objectMapper.valueToTree(a).equals(objectMapper.valueToTree(b)));
    }

    public boolean anyMissing(VerificationRun<?, ?, ?> run) {
        return run.anyMissing();
    }

    /**
     * The assets whose mapping's table is gone under its id, for the matching rules to look for again. Their plan
     * may take as many targeted listings as the check took requests (at least {@code targeted-plan-max-queries}):
     * a few missing tables among 100,000 mappings are looked for in their schemas, not in the whole catalog.
     */
    public List<Asset> missingAssets(VerificationRun<?, ?, ?> run, List<Asset> assets) {
        autoMapping.allowTargetedPlan(run.jobId(), (int) Math.min(Integer.MAX_VALUE, run.requests()));
        Set<String> missing = run.missingAssetIds();
        return assets.stream().filter(asset -> missing.contains(asset.assetId())).toList();
    }

    /** What the matching rules found of the missing mappings' assets; what is still missing after that is gone. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void matched(VerificationRun run, AutoMappingRun autoMappingRun) {
        autoMapping.forgetTargetedPlanLimit(run.jobId());
        if (autoMappingRun != null) {
            run.matched(autoMappingRun);
        }
        run.rest();
    }

    /** The mappings the verification rewrites, as the wing's upsert batches (overwriting). */
    public <M> Iterator<Map<String, Object>> upsertBatches(VerificationRun<?, ?, M> run) {
        @SuppressWarnings("unchecked")
        JobMappings<M> mappings = (JobMappings<M>) jobs.wing(run.catalog());
        return mappings.upsertBatches(run.tenant(), true, run.rewritten());
    }

    /**
     * The assets whose mapping a repair removes, as {@code sql/<catalog>-mapping-delete-batch.sql} and
     * {@code sql/mapping-state-delete-batch.sql} take them.
     */
    public Iterator<Map<String, Object>> removalBatches(VerificationRun<?, ?, ?> run) {
        List<String> removed = run.removed();
        return Batches.ofColumns(removed.size(), Map.of("tenant", run.tenant(), "catalog", run.catalog()),
                List.of("asset_id"), i -> new Object[] {removed.get(i)});
    }

    /** Every mapping's finding but those a repair removed, for {@code sql/mapping-state-upsert-batch.sql}. */
    public <M> Iterator<Map<String, Object>> stateBatches(VerificationRun<?, ?, M> run) {
        List<VerificationRun.Finding<M>> findings = run.findings().stream()
                .filter(f -> !(f.repaired() && VerificationRun.GONE.equals(f.state()))).toList();
        return Batches.ofColumns(findings.size(),
                Map.of("tenant", run.tenant(), "catalog", run.catalog(), "job_id", run.jobId()),
                List.of("asset_id", "table_id", "state", "reason"), i -> {
                    VerificationRun.Finding<M> f = findings.get(i);
                    return new Object[] {f.assetId(), f.tableId(), f.state(), f.reason()};
                });
    }

    /** The findings that are not OK, as the job's per-asset outcomes ({@code sql/mapping-job-asset-insert-batch.sql}). */
    public <M> Iterator<Map<String, Object>> outcomeBatches(VerificationRun<?, ?, M> run) {
        List<VerificationRun.Finding<M>> drift = run.findings().stream()
                .filter(f -> !VerificationRun.OK.equals(f.state())).toList();
        return Batches.ofColumns(drift.size(), Map.of("job_id", run.jobId()), AutoMapping.OUTCOME_COLUMNS, i -> {
            VerificationRun.Finding<M> f = drift.get(i);
            return new Object[] {f.assetId(), f.state(), f.reason(),
                f.current() == null ? null : autoMapping.json(f.current(), "A mapping"), null, null,
                autoMapping.json(f.previous(), "A mapping"), f.repaired()};
        });
    }

    public Map<String, Object> progressRow(VerificationRun<?, ?, ?> run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("job_id", run.jobId());
        row.put("plan", run.plan());
        row.put("pages_read", run.requests());
        row.put("tables_read", run.tablesRead());
        row.put("objects_skipped", autoMapping.json(SkippedObjects.Report.NONE, "A report of skipped objects"));
        return row;
    }

    /**
     * The job's completion: the verification's counts, and its reading: the check requests and tables read by id,
     * plus the pages of the listings that looked for the missing tables again.
     */
    public Map<String, Object> completionRow(VerificationRun<?, ?, ?> run, AutoMappingRun<?, ?, ?> autoMappingRun) {
        Map<String, Object> row = progressRow(run);
        if (autoMappingRun != null) {
            Map<String, Object> listings = autoMapping.progressRow(autoMappingRun);
            row.put("pages_read", run.requests() + (Long) listings.get("pages_read"));
            row.put("tables_read", run.tablesRead() + (Long) listings.get("tables_read"));
            row.put("objects_skipped", listings.get("objects_skipped"));
        }
        for (String auto : List.of("assets", "mapped", "unchanged", "ambiguous", "unmatched")) {
            row.put(auto, null);
        }
        row.put("assets", run.findings().size());
        row.put("ok", run.count(VerificationRun.OK));
        row.put("renamed", run.count(VerificationRun.RENAMED));
        row.put("moved", run.count(VerificationRun.MOVED));
        row.put("gone", run.count(VerificationRun.GONE));
        row.put("repaired", run.repair() ? run.count(VerificationRun.MOVED) + run.count(VerificationRun.GONE) : 0);
        return row;
    }

    private MappingChecks<?, ?, ?> checks(String catalog) {
        MappingChecks<?, ?, ?> checks = checksByCatalog.get(catalog);
        if (checks == null) {
            throw new IllegalStateException("No wing verifies mappings of catalog " + catalog);
        }
        return checks;
    }
}
