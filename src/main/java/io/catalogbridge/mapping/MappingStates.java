package io.catalogbridge.mapping;

import io.catalogbridge.database.SqlQueries;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What is known of a mapping's health outside a verification ({@code mapping_state}): a quality delivery that the
 * catalog refused because it does not know the mapped table marks the mapping GONE, so that it shows in
 * {@code ?state=stale} until a verification or a new mapping says otherwise.
 */
@Component("mappingStates")
public class MappingStates {

    public static final String GONE = "GONE";

    private final SqlQueries queries;

    public MappingStates(SqlQueries queries) {
        this.queries = queries;
    }

    /** Marks the asset's mapping to the table (the catalog's id, as text) GONE, with why. */
    public void markGone(String tenant, String catalog, String assetId, String tableId, String reason) {
        Map<String, Object> row = new HashMap<>();
        row.put("tenant", tenant);
        row.put("catalog", catalog);
        row.put("asset_id", assetId);
        row.put("table_id", tableId);
        row.put("state", GONE);
        row.put("reason", reason);
        queries.update("mapping-state-mark.sql", row);
    }
}
