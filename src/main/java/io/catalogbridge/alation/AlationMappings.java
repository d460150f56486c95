package io.catalogbridge.alation;

import io.catalogbridge.client.SkippedObjects;
import io.catalogbridge.api.Batches;
import io.catalogbridge.api.Problem.FieldError;
import io.catalogbridge.api.ProblemException;
import io.catalogbridge.api.TextFields;
import io.catalogbridge.mapping.JobMappings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Mappings of assets to Alation tables: manual requests, the rows mappings are stored as, and jobs' results. */
@Component("alationMappings")
public class AlationMappings implements JobMappings<AlationMapping> {

    @Override
    public String catalog() {
        return "alation";
    }

    @Override
    public Class<AlationMapping> mappingType() {
        return AlationMapping.class;
    }

    @Override
    public String assetId(AlationMapping mapping) {
        return mapping.assetId();
    }

    public ManualMappingRequest validate(ManualMappingRequest request) {
        ProblemException.requireBody(request);
        List<FieldError> errors = new ArrayList<>();
        TextFields.checkRequired("asset_id", request.assetId(), errors);
        if (request.alationTableId() == null || request.alationTableId() <= 0) {
            errors.add(new FieldError("alation_table_id", "must be a positive integer"));
        }
        ProblemException.rejectIfAny("Invalid mapping", errors);
        return request;
    }

    /** The filter that asks Alation for exactly the requested table. */
    public Map<String, Object> tableFilter(ManualMappingRequest request) {
        return Map.of("id", request.alationTableId());
    }

    /**
     * The one table of the lookup; 502 naming what is wrong when Alation answered it in a shape a mapping cannot be
     * made of (no {@code ds_id}, {@code schema_id}, {@code schema_name}, a wrong type there, ...); 404 naming the id
     * when Alation has no such table.
     */
    public AlationTable requireTable(List<AlationTable> found, SkippedObjects skipped, ManualMappingRequest request) {
        SkippedObjects.Skipped unusable = skipped == null ? null : skipped.find("table", request.alationTableId());
        if ((found == null || found.isEmpty()) && unusable != null) {
            throw new AlationProblems.AlationBadResponse("Alation answered GET /integration/v2/table/ with table "
                    + request.alationTableId() + " in a shape that cannot be mapped: " + unusable.reason());
        }
        if (found == null || found.isEmpty()) {
            throw new ProblemException.NotFound("Alation has no table with id " + request.alationTableId());
        }
        return found.get(0);
    }

    public AlationMapping mapping(ManualMappingRequest request, AlationTable table, List<AlationDataSource> sources) {
        String title = sources.stream().filter(s -> s.id().equals(table.dsId())).map(AlationDataSource::title)
                .findFirst().orElse(null);
        return AlationMapping.of(request.assetId(), table, title);
    }

    private static final List<String> COLUMNS = List.of("asset_id", "data_source_id", "data_source_name",
            "schema_id", "schema_name", "table_id", "table_name", "table_key");

    /** Mappings to upsert in batches of {@code sql/alation-mapping-upsert.sql}. */
    @Override
    public Iterator<Map<String, Object>> upsertBatches(String tenant, boolean overwrite,
            List<AlationMapping> mappings) {
        return Batches.ofColumns(mappings.size(), Map.of("tenant_id", tenant, "overwrite", overwrite), COLUMNS, i -> {
            AlationMapping m = mappings.get(i);
            return new Object[] {m.assetId(), m.dataSourceId(), m.dataSourceName(), m.schemaId(), m.schemaName(),
                m.tableId(), m.tableName(), m.tableKey()};
        });
    }

    /** The columns {@code sql/alation-mapping-upsert-from-staging.sql} reads: the table's key too. */
    @Override
    public Map<String, Object> stagingFields(AlationMapping m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("data_source_id", m.dataSourceId());
        fields.put("data_source_name", m.dataSourceName());
        fields.put("schema_id", m.schemaId());
        fields.put("schema_name", m.schemaName());
        fields.put("table_id", m.tableId());
        fields.put("table_name", m.tableName());
        fields.put("table_key", m.tableKey());
        return fields;
    }

    /** A manual mapping replaces any earlier one: a batch of one. */
    public Map<String, Object> manualRow(String tenant, AlationMapping mapping) {
        return upsertBatches(tenant, true, List.of(mapping)).next();
    }
}
