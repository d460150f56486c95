package io.catalogbridge.alation;

import io.catalogbridge.api.Batches;
import io.catalogbridge.assets.Asset;
import io.catalogbridge.client.SkippedObjects;
import io.catalogbridge.mapping.AutoMapping;
import io.catalogbridge.mapping.AutoMappingRun;
import io.catalogbridge.matching.SchemaRequest;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Alation's steps of the automatic mapping job that need Java, for {@code routes/alation/auto-mapping.camel.yaml}:
 * the run over Alation's matcher (its links, its mapped table ids, its listing filters), and the rows of Alation's
 * mappings the job writes. The rest of the job is the core's ({@link AutoMapping}), the per-asset outcomes included.
 */
@Component("alationAutoMapping")
public class AlationAutoMapping {

    private final AutoMapping autoMapping;

    public AlationAutoMapping(AutoMapping autoMapping) {
        this.autoMapping = autoMapping;
    }

    /** Builds the run: Alation's matcher over the tenant's assets and links, and the core's plan. */
    public AutoMappingRun<Long, AlationTable, AlationMapping> start(String jobId, String tenant, boolean overwrite,
            List<Asset> assets,
            List<Map<String, Object>> linkRows, List<Map<String, Object>> mappedRows,
            List<AlationDataSource> dataSources, SkippedObjects skipped) {
        Map<String, Long> links = new HashMap<>();
        linkRows.forEach(row -> links.put((String) row.get("data_source_name"),
                ((Number) row.get("alation_data_source_id")).longValue()));
        Map<String, Long> mapped = new HashMap<>();
        mappedRows.forEach(row -> mapped.put((String) row.get("asset_id"), ((Number) row.get("table_id")).longValue()));
        return autoMapping.start(jobId, tenant, overwrite, assets, new AlationMatcher(assets, dataSources, links), mapped,
                request -> List.of(filters(request)), skipped);
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

}
