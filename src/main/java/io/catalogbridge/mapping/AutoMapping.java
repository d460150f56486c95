package io.catalogbridge.mapping;

import io.catalogbridge.alation.AlationMapping;
import io.catalogbridge.alation.AlationMappings;
import io.catalogbridge.alation.AlationDataSource;
import io.catalogbridge.alation.AlationTable;
import io.catalogbridge.alation.SkippedObjects;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.api.Batches;
import io.catalogbridge.assets.Asset;
import io.catalogbridge.alation.AlationMatcher;
import io.catalogbridge.matching.MatchOutcome;
import io.catalogbridge.matching.SchemaRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The automatic mapping job's steps that need Java, for {@code routes/alation/auto-mapping.camel.yaml}: one
 * {@link AutoMappingRun} per execution carries the matcher, the plan and the progress from step to step.
 */
@Component("autoMapping")
public class AutoMapping {

    private final MappingProperties properties;
    private final ObjectMapper objectMapper;

    public AutoMapping(MappingProperties properties, ObjectMapper objectMapper) {
        this.properties = properties;
        this.objectMapper = objectMapper;
    }

    /** Builds the run: the matcher over the tenant's assets, and the plan (which listings of tables to read). */
    public AutoMappingRun start(String jobId, String tenant, boolean overwrite, List<Asset> assets,
            List<Map<String, Object>> linkRows, List<Map<String, Object>> mappedRows,
            List<AlationDataSource> dataSources, SkippedObjects skipped) {
        Map<String, Long> links = new HashMap<>();
        linkRows.forEach(row -> links.put((String) row.get("data_source_name"),
                ((Number) row.get("alation_data_source_id")).longValue()));
        Map<String, Long> mapped = new HashMap<>();
        mappedRows.forEach(row -> mapped.put((String) row.get("asset_id"), ((Number) row.get("table_id")).longValue()));
        AlationMatcher matcher = new AlationMatcher(assets, dataSources, links);
        List<Map<String, Object>> targeted = matcher.schemaRequests().stream().map(AutoMapping::filters).toList();
        boolean useTargeted = !assets.isEmpty() && targeted.size() <= properties.targetedPlanMaxQueries();
        List<Map<String, Object>> queries = assets.isEmpty() ? List.of() : useTargeted ? targeted : List.of(Map.of());
        String plan = assets.isEmpty() ? "none" : useTargeted ? "targeted" : "full";
        return new AutoMappingRun(jobId, tenant, overwrite, matcher, mapped, plan, queries,
                properties.progressInterval().toNanos(), skipped == null ? SkippedObjects.create() : skipped);
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

    public String plan(AutoMappingRun run) {
        return run.plan();
    }

    public int queryCount(AutoMappingRun run) {
        return run.queries().size();
    }

    public Map<String, Object> query(AutoMappingRun run, int index) {
        return run.queries().get(index);
    }

    /** One page of tables through the matcher; true when it is time to save the progress. */
    public boolean accept(AutoMappingRun run, List<AlationTable> page) {
        return run.accept(page);
    }

    public Map<String, Object> progressRow(AutoMappingRun run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("job_id", run.jobId());
        row.put("plan", run.plan());
        row.put("pages_read", run.pagesRead());
        row.put("tables_read", run.tablesRead());
        row.put("objects_skipped", json(run.skipped().report()));
        return row;
    }

    /**
     * The mappings to write (new ones, and changed ones when the job may overwrite), in batches of
     * {@link Batches#SIZE}, each the parameters of one statement ({@code sql/alation-mapping-upsert.sql}): a
     * column's values as one array. Batches are built only as they are written, so a job of 100,000 assets holds one
     * batch at a time; and one statement a batch spares the database and the SQL component a statement a row.
     */
    public Iterator<Map<String, Object>> mappingBatches(AutoMappingRun run) {
        return AlationMappings.upsertBatches(run.tenant(), run.overwrite(), run.outcome().written());
    }

    /**
     * The per-asset outcomes to record on the job (mappings written, ambiguous and unmatched assets), in batches as
     * {@link #mappingBatches} ({@code sql/mapping-job-asset-insert-batch.sql}).
     */
    public Iterator<Map<String, Object>> outcomeBatches(AutoMappingRun run) {
        AutoMappingRun.Outcome outcome = run.outcome();
        List<AlationMapping> written = outcome.written();
        List<MatchOutcome<Long, AlationMapping>> ambiguous = outcome.ambiguous();
        List<MatchOutcome<Long, AlationMapping>> unmatched = outcome.unmatched();
        int total = written.size() + ambiguous.size() + unmatched.size();
        return Batches.ofColumns(total, Map.of("job_id", run.jobId()), OUTCOME_COLUMNS, i -> {
            if (i < written.size()) {
                AlationMapping m = written.get(i);
                return new Object[] {m.assetId(), "MAPPED", null, null, m.dataSourceId(), m.dataSourceName(),
                    m.schemaId(), m.schemaName(), m.tableId(), m.tableName()};
            }
            boolean isAmbiguous = i < written.size() + ambiguous.size();
            MatchOutcome<Long, AlationMapping> result = isAmbiguous ? ambiguous.get(i - written.size())
                    : unmatched.get(i - written.size() - ambiguous.size());
            String candidates = isAmbiguous ? result.candidateTableIds().stream().map(String::valueOf)
                    .collect(Collectors.joining(",", "{", "}")) : null;
            return new Object[] {result.assetId(), isAmbiguous ? "AMBIGUOUS" : "UNMATCHED", result.reason(),
                candidates, null, null, null, null, null, null};
        });
    }

    private static final List<String> OUTCOME_COLUMNS = List.of("asset_id", "outcome", "reason",
            "candidate_table_ids", "data_source_id", "data_source_name", "schema_id", "schema_name", "table_id",
            "table_name");

    public Map<String, Object> completionRow(AutoMappingRun run) {
        AutoMappingRun.Outcome outcome = run.outcome();
        Map<String, Object> row = progressRow(run);
        row.put("assets", outcome.assets());
        row.put("mapped", outcome.written().size());
        row.put("unchanged", outcome.unchanged());
        row.put("ambiguous", outcome.ambiguous().size());
        row.put("unmatched", outcome.unmatched().size());
        return row;
    }

    /** The table listing filters of a schema request; one table name narrows it further. */
    static Map<String, Object> filters(SchemaRequest<Long> request) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("ds_id", request.dataSourceId());
        filters.put("schema_name__iexact", request.schemaName());
        if (request.tableNames().size() == 1) {
            filters.put("name__iexact", request.tableNames().get(0));
        }
        return filters;
    }

    private String json(SkippedObjects.Report report) {
        try {
            return objectMapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report of skipped objects is always JSON", e);
        }
    }

    private static Asset asset(Map<String, Object> row) {
        return new Asset((String) row.get("asset_id"), (String) row.get("data_source_name"),
                (String) row.get("data_source_type"), (String) row.get("host"),
                row.get("port") == null ? null : ((Number) row.get("port")).intValue(),
                (String) row.get("database_name"), (String) row.get("schema_name"), (String) row.get("table_name"));
    }
}
