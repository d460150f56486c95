package io.catalogbridge.openmetadata;

import io.catalogbridge.api.Batches;
import io.catalogbridge.mapping.JobMappings;
import io.catalogbridge.api.Problem.FieldError;
import io.catalogbridge.api.ProblemException;
import io.catalogbridge.api.TextFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Mappings of assets to OpenMetadata tables: what a valid manual request is, the mapping a found table makes, and the
 * rows mappings are stored as.
 */
@Component("openmetadataMappings")
public class OpenMetadataMappings implements JobMappings<OpenMetadataMapping> {

    /** OpenMetadata's {@code fullyQualifiedEntityName} holds at most this many characters. */
    static final int MAX_FQN_LENGTH = 3072;

    @Override
    public String catalog() {
        return OpenMetadataCalls.CATALOG;
    }

    @Override
    public Class<OpenMetadataMapping> mappingType() {
        return OpenMetadataMapping.class;
    }

    @Override
    public String assetId(OpenMetadataMapping mapping) {
        return mapping.assetId();
    }

    /** The request's asset and how to look its table up, or a 400 naming every bad field. */
    public ManualMapping validate(OpenMetadataManualMappingRequest request) {
        ProblemException.requireBody(request);
        List<FieldError> errors = new ArrayList<>();
        TextFields.checkRequired("asset_id", request.assetId(), errors);
        UUID tableId = null;
        String fqn = request.tableFqn();
        if (request.openmetadataTableId() == null && fqn == null) {
            errors.add(new FieldError("openmetadata_table_id", "or table_fqn is required"));
        } else if (request.openmetadataTableId() != null && fqn != null) {
            errors.add(new FieldError("table_fqn", "may not be given with openmetadata_table_id: give one of the two"));
        } else if (request.openmetadataTableId() != null) {
            tableId = OpenMetadataIds.parse(request.openmetadataTableId());
            if (tableId == null && TextFields.check("openmetadata_table_id", request.openmetadataTableId(), errors)) {
                errors.add(new FieldError("openmetadata_table_id",
                        "must be a UUID (8-4-4-4-12 hexadecimal digits, as OpenMetadata writes table ids)"));
            }
        } else if (fqn.isBlank()) {
            errors.add(new FieldError("table_fqn", "may not be empty"));
        } else if (TextFields.check("table_fqn", fqn, errors) && fqn.codePointCount(0, fqn.length()) > MAX_FQN_LENGTH) {
            errors.add(new FieldError("table_fqn", "may not exceed 3072 characters (OpenMetadata's longest FQN)"));
        }
        ProblemException.rejectIfAny("Invalid mapping", errors);
        return new ManualMapping(request.assetId(), new OpenMetadataTableLookup(tableId, tableId == null ? fqn : null));
    }

    /**
     * The mapping OpenMetadata's answer makes: 404 for a soft-deleted table (never a target, and what OpenMetadata
     * itself answers without {@code include=all}), 502 for an answer that is another table or lacks what a mapping
     * needs, naming the table and what it lacks.
     */
    public OpenMetadataMapping mapping(ManualMapping request, OpenMetadataTable table) {
        OpenMetadataTableLookup lookup = request.table();
        if (table == null || !lookup.isAnsweredBy(table)) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "OpenMetadata answered " + lookup.path()
                    + " with another table than " + lookup.describe());
        }
        if (table.missingField() != null) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "OpenMetadata answered " + lookup.describe()
                    + " in a shape that cannot be mapped: no " + table.missingField());
        }
        if (table.isDeleted()) {
            throw new ProblemException.NotFound("OpenMetadata's " + lookup.describe()
                    + " is soft-deleted and cannot be mapped");
        }
        return OpenMetadataMapping.of(request.assetId(), table);
    }

    private static final List<String> COLUMNS = List.of("asset_id", "service_name", "database_name", "schema_name",
            "table_id", "table_name", "table_fqn");

    /** Mappings to upsert in batches of {@code sql/openmetadata-mapping-upsert.sql}. */
    @Override
    public Iterator<Map<String, Object>> upsertBatches(String tenant, boolean overwrite,
            List<OpenMetadataMapping> mappings) {
        return Batches.ofColumns(mappings.size(), Map.of("tenant_id", tenant, "overwrite", overwrite), COLUMNS, i -> {
            OpenMetadataMapping m = mappings.get(i);
            return new Object[] {m.assetId(), m.serviceName(), m.databaseName(), m.schemaName(), m.tableId(),
                m.tableName(), m.tableFqn()};
        });
    }

    /** The columns {@code sql/openmetadata-mapping-upsert-from-staging.sql} reads. */
    @Override
    public Map<String, Object> stagingFields(OpenMetadataMapping m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("service_name", m.serviceName());
        fields.put("database_name", m.databaseName());
        fields.put("schema_name", m.schemaName());
        fields.put("table_id", m.tableId() == null ? null : m.tableId().toString());
        fields.put("table_name", m.tableName());
        fields.put("table_fqn", m.tableFqn());
        return fields;
    }

    /** A manual mapping replaces any earlier one: a batch of one. */
    public Map<String, Object> manualRow(String tenant, OpenMetadataMapping mapping) {
        return upsertBatches(tenant, true, List.of(mapping)).next();
    }

    /** A valid manual mapping request: the asset, and how to find its table. */
    public record ManualMapping(String assetId, OpenMetadataTableLookup table) {
    }
}
