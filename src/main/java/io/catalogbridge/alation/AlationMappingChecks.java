package io.catalogbridge.alation;

import io.catalogbridge.mapping.MappingChecks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Alation's part of verifying mappings: a batch of mappings is checked with one listing of
 * {@code GET /integration/v2/table/?id=..&id=..} (the ids as a set, as Alation's SDK sends one), so 100,000 mappings
 * take a few hundred requests. A table found under its id is the mapping's table; its names, schema and key as
 * Alation has them now refresh the mapping (the data source keeps its title: a table never changes data source
 * under one id).
 */
@Component("alationMappingChecks")
public class AlationMappingChecks implements MappingChecks<Long, AlationTable, AlationMapping> {

    /**
     * Ids a check asks for at once: 250 ids keep the request line near 3 KB, well under the 8 KB a web server in
     * front of Alation usually takes, and within one page of the listing (up to 1,000 objects).
     */
    static final int IDS_PER_REQUEST = 250;

    @Override
    public String catalog() {
        return "alation";
    }

    @Override
    public String pageQuery() {
        return "alation-mapping-select-page.sql";
    }

    @Override
    public AlationMapping mapping(Map<String, Object> row) {
        return new AlationMapping((String) row.get("asset_id"), number(row, "data_source_id"),
                (String) row.get("data_source_name"), number(row, "schema_id"), (String) row.get("schema_name"),
                number(row, "table_id"), (String) row.get("table_name"));
    }

    @Override
    public Long tableId(AlationMapping mapping) {
        return mapping.tableId();
    }

    @Override
    public AlationMapping refreshed(AlationMapping mapping, AlationTable table) {
        return table.isMappable() ? AlationMapping.of(mapping.assetId(), table, mapping.dataSourceName()) : null;
    }

    @Override
    public int checkBatchSize() {
        return IDS_PER_REQUEST;
    }

    /** The listing filters of a check: the batch's table ids, as a set. */
    public Map<String, Object> filters(List<AlationMapping> batch) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("id", batch.stream().map(AlationMapping::tableId).distinct().toList());
        return filters;
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
