package io.catalogbridge.openmetadata;

import io.catalogbridge.mapping.MappingChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * OpenMetadata's part of verifying mappings. OpenMetadata has no listing by ids, so a batch of mappings is checked
 * by listing the schemas its tables were in ({@code GET /v1/tables?databaseSchema=<fqn>&include=all}, one listing per
 * schema, soft-deleted tables shown), keeping the tables whose id is in the batch; an id no such listing shows (the
 * table went to another schema, or its schema was renamed, or it is gone) is asked for by itself
 * ({@code GET /v1/tables/{id}?include=all}, 404 when OpenMetadata has no table under it), and the schema a table so
 * found is in now is listed in turn, once, for the batch's other tables that went there. A table found under its id
 * refreshes the mapping with its names as OpenMetadata has them now; a soft-deleted or unusable one refreshes nothing,
 * so the core takes its mapping as missing and has the matching rules look for the asset's table again.
 */
@Component("openmetadataMappingChecks")
public class OpenMetadataMappingChecks implements MappingChecks<UUID, OpenMetadataTable, OpenMetadataMapping> {

    /**
     * Mappings one check takes. A check costs a listing per schema its mappings are in (a page per 1,000 tables of
     * the schema), plus a lookup per table not in its old schema: the schemas a batch touches, not its mappings. The
     * core cuts batches in asset_id order, which says nothing of schemas, so a batch touches nearly as many schemas as
     * it has mappings until it holds many mappings per schema, and each schema is listed again by every batch that
     * touches it. The batch is therefore large: 10,000 mappings is a few MB of records, and a tenant of 100,000
     * mappings in 500 schemas costs about 10 × 500 listings where one request per mapping would cost 100,000.
     */
    static final int MAPPINGS_PER_CHECK = 10_000;

    /** A check's search, while it runs: the batch's ids and the tables found so far. */
    public static final String SEARCH = "openmetadataMappedTableSearch";

    @Override
    public String catalog() {
        return OpenMetadataCalls.CATALOG;
    }

    @Override
    public String pageQuery() {
        return "openmetadata-mapping-select-page.sql";
    }

    @Override
    public OpenMetadataMapping mapping(Map<String, Object> row) {
        Object tableId = row.get("table_id");
        return new OpenMetadataMapping((String) row.get("asset_id"), (String) row.get("service_name"),
                (String) row.get("database_name"), (String) row.get("schema_name"),
                tableId instanceof UUID id ? id : tableId == null ? null : UUID.fromString(tableId.toString()),
                (String) row.get("table_name"), (String) row.get("table_fqn"));
    }

    @Override
    public UUID tableId(OpenMetadataMapping mapping) {
        return mapping.tableId();
    }

    @Override
    public OpenMetadataMapping refreshed(OpenMetadataMapping mapping, OpenMetadataTable table) {
        return table.isMappable() ? OpenMetadataMapping.of(mapping.assetId(), table) : null;
    }

    @Override
    public int checkBatchSize() {
        return MAPPINGS_PER_CHECK;
    }

    /** A new search for the tables of a batch of mappings. */
    public Search search(List<OpenMetadataMapping> batch) {
        return new Search(batch);
    }

    /** The listing filters of one schema of the search: {@code databaseSchema=<fqn>}, soft-deleted tables shown. */
    public Map<String, Object> schemaFilters(Search search, int index) {
        search.listingStarted();
        return filters(search.schemas().get(index));
    }

    private static Map<String, Object> filters(String schemaFqn) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("databaseSchema", schemaFqn);
        filters.put("include", "all");
        return filters;
    }

    /** The page handler of the schema listings: keeps the page's tables whose id the search looks for. */
    public void keepPage(Exchange exchange) {
        Search search = exchange.getProperty(SEARCH, Search.class);
        @SuppressWarnings("unchecked")
        List<OpenMetadataTable> page = exchange.getMessage().getBody(List.class);
        search.pageRead();
        page.forEach(search::keep);
    }

    /** Keeps the table a lookup by id answered. */
    public void found(Search search, OpenMetadataTable table) {
        search.keep(table);
    }

    /** The lookup of the {@code index}-th id that no listing showed. */
    public OpenMetadataTableLookup lookup(List<UUID> unfound, int index) {
        return new OpenMetadataTableLookup(unfound.get(index), null);
    }

    /** A lookup by id is sent: one request. */
    public void lookedUp(Search search) {
        search.requests++;
    }

    /** Whether the lookup's table is still to be found: a listing of a table's new schema may have found it since. */
    public boolean stillUnfound(Search search, OpenMetadataTableLookup lookup) {
        return !search.found.containsKey(lookup.tableId());
    }

    /**
     * The listing filters of the schema a table looked up by id is in now, if no listing of the check has read it:
     * where one table went (its schema renamed, a schema re-created) the batch's other missing tables often went
     * too, and one listing finds them all instead of a lookup each. Null when that schema was listed already.
     */
    public Map<String, Object> newSchemaFilters(Search search, OpenMetadataTable table) {
        String schema = table == null || table.databaseSchema() == null ? null
                : table.databaseSchema().fullyQualifiedName();
        if (schema == null || !search.listed.add(schema)) {
            return null;
        }
        search.listingStarted();
        return filters(schema);
    }

    /**
     * The tables of one batch looked for, and what was found. The schemas are those the mappings were in, as FQNs
     * built from the stored names with OpenMetadata's quoting rule (the stored names are the references' own,
     * unquoted).
     */
    public static final class Search {

        private final Set<UUID> wanted = new LinkedHashSet<>();
        private final List<String> schemas;
        private final Map<UUID, OpenMetadataTable> found = new LinkedHashMap<>();
        /** The schemas listed, as FQNs: the batch's, and those lookups found tables in since. */
        private final Set<String> listed;
        /** The requests the search made: a listing's first page (even empty), its next pages, the lookups. */
        private int requests;
        private int pagesOfListing;

        Search(List<OpenMetadataMapping> batch) {
            Set<String> bySchema = new LinkedHashSet<>();
            for (OpenMetadataMapping mapping : batch) {
                if (mapping.tableId() != null) {
                    wanted.add(mapping.tableId());
                }
                if (mapping.serviceName() != null && mapping.databaseName() != null && mapping.schemaName() != null) {
                    bySchema.add(OpenMetadataFqn.build(mapping.serviceName(), mapping.databaseName(),
                            mapping.schemaName()));
                }
            }
            this.schemas = List.copyOf(bySchema);
            this.listed = new LinkedHashSet<>(bySchema);
        }

        public List<String> schemas() {
            return schemas;
        }

        void listingStarted() {
            requests++;
            pagesOfListing = 0;
        }

        void pageRead() {
            if (pagesOfListing++ > 0) {
                requests++;
            }
        }

        /** What the core's report counts as the check's requests ({@code checkRequests}). */
        public int requests() {
            return requests;
        }

        /** Keeps a table of the batch's ids; one of another id (a proxy could hand one back) is not kept. */
        void keep(OpenMetadataTable table) {
            if (table != null && wanted.contains(table.id())) {
                found.putIfAbsent(table.id(), table);
            }
        }

        /** The ids no listing showed, in the batch's order: each is looked up by itself. */
        public List<UUID> unfound() {
            return wanted.stream().filter(id -> !found.containsKey(id)).toList();
        }

        /** The tables found under the batch's ids, soft-deleted ones included: the core's check decides. */
        public List<OpenMetadataTable> tables() {
            return new ArrayList<>(found.values());
        }
    }
}
