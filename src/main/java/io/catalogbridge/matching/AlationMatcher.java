package io.catalogbridge.matching;

import io.catalogbridge.alation.AlationDataSource;
import io.catalogbridge.alation.AlationTable;
import io.catalogbridge.assets.Asset;
import io.catalogbridge.matching.DataSourceSelector.Selection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches a tenant's assets to Alation tables (design.md, "Matching an asset to an Alation table") while the catalog
 * streams by page after page. Its memory grows with the assets, not with the catalog: assets are indexed by table
 * name, then schema name (both case-folded), a table no asset names is dropped after one hash lookup, and only
 * candidate tables are kept. The outcome depends on which tables were accepted, not on their order.
 *
 * <p>Not thread-safe: feed the pages from one thread (or one at a time), then read the outcomes.
 */
public final class AlationMatcher {

    private final DataSourceSelector sources;
    /** Every asset, by asset id: sorted, so that outcomes come in one order whatever the input order. */
    private final Map<String, AssetTarget> targets = new TreeMap<>();
    /** Folded table name → folded schema name (each spelling Alation may use) → assets that want that table. */
    private final Map<String, Map<String, List<AssetTarget>>> byTableThenSchema = new HashMap<>();
    private long tablesSeen;
    private long incompleteTables;

    /**
     * @param assets          the tenant's assets; asset ids must be present and unique
     * @param dataSources     Alation's data sources, native and connector ones together
     * @param dataSourceLinks the tenant's links: observability data source name → Alation data source id
     */
    public AlationMatcher(Collection<Asset> assets, Collection<AlationDataSource> dataSources,
            Map<String, Long> dataSourceLinks) {
        this.sources = new DataSourceSelector(dataSources, dataSourceLinks);
        for (Asset asset : assets) {
            if (asset.assetId() == null) {
                throw new IllegalArgumentException("An asset without asset_id cannot be matched: " + asset);
            }
            AssetTarget target = new AssetTarget(asset, sources.select(asset));
            if (targets.putIfAbsent(asset.assetId(), target) != null) {
                throw new IllegalArgumentException("Asset " + asset.assetId() + " is given twice");
            }
            index(target);
        }
    }

    private void index(AssetTarget target) {
        if (!target.isMatchable()) {
            return;
        }
        Map<String, List<AssetTarget>> bySchema =
                byTableThenSchema.computeIfAbsent(Names.fold(target.asset().table()), table -> new HashMap<>(2));
        for (String schema : target.schemaSpellings()) {
            bySchema.computeIfAbsent(Names.fold(schema), spelling -> new ArrayList<>(1)).add(target);
        }
    }

    /** Takes one catalog table into account; the hot path, one hash lookup for a table no asset names. */
    public void accept(AlationTable table) {
        tablesSeen++;
        if (table == null || table.name() == null) {
            return;
        }
        Map<String, List<AssetTarget>> bySchema = byTableThenSchema.get(Names.fold(table.name()));
        if (bySchema == null || table.schemaName() == null) {
            return;
        }
        List<AssetTarget> wanting = bySchema.get(Names.fold(table.schemaName()));
        if (wanting == null) {
            return;
        }
        if (table.id() == null || table.dsId() == null || table.schemaId() == null) {
            // a mapping needs all three ids; counted, so that a caller can tell a user why a table was passed over
            incompleteTables++;
            return;
        }
        for (AssetTarget target : wanting) {
            target.offer(table);
        }
    }

    /** Takes one page of the catalog into account. */
    public void accept(List<AlationTable> page) {
        for (AlationTable table : page) {
            accept(table);
        }
    }

    /** The data sources searched for an asset's table (rule 1), and the rule that chose them. */
    public DataSourceChoice dataSourceChoice(String assetId) {
        return target(assetId).selection().choice();
    }

    /**
     * The listings that find every candidate table: one per data source and schema spelling an asset may be under in
     * Alation (its schema, and {@code database.schema} when it has a database), sorted by data source id, then schema
     * name ignoring case. Compare their number with the size of the catalog to choose between asking for these
     * schemas and listing everything.
     */
    public List<SchemaRequest> schemaRequests() {
        // grouped by schema, then by selection first: thousands of assets share one selection (every data source,
        // above all), so a group's table names are gathered once and shared by each data source it stands for;
        // equal selections are one instance, and identity spares hashing their ids for every asset
        Map<String, Map<Selection, SchemaGroup>> bySchema = new HashMap<>();
        for (AssetTarget target : targets.values()) {
            if (!target.isMatchable()) {
                continue;
            }
            for (String schema : target.schemaSpellings()) {
                bySchema.computeIfAbsent(Names.fold(schema), folded -> new IdentityHashMap<>())
                        .computeIfAbsent(target.selection(), selection -> new SchemaGroup())
                        .add(schema, target.asset().table());
            }
        }
        List<SchemaRequest> requests = new ArrayList<>();
        for (Map<Selection, SchemaGroup> groups : bySchema.values()) {
            Map<Long, SchemaGroup> byDataSource = new HashMap<>();
            groups.forEach((selection, group) -> {
                for (long id : selection.ids()) {
                    byDataSource.merge(id, group, SchemaGroup::union);
                }
            });
            byDataSource.forEach((id, group) -> requests.add(group.request(id)));
        }
        requests.sort(Comparator.comparingLong(SchemaRequest::dataSourceId)
                .thenComparing(request -> Names.fold(request.schemaName())));
        return requests;
    }

    /** Every asset's outcome, by asset id. */
    public List<MatchOutcome> outcomes() {
        return targets.values().stream().map(target -> target.outcome(sources)).toList();
    }

    /** One asset's outcome with the tables accepted so far. */
    public MatchOutcome outcome(String assetId) {
        return target(assetId).outcome(sources);
    }

    public MatchSummary summary() {
        return MatchSummary.of(outcomes());
    }

    /** How many tables were accepted, matching or not. */
    public long tablesSeen() {
        return tablesSeen;
    }

    /** Tables that matched an asset's table and schema but lacked an id, ds_id or schema_id, and were passed over. */
    public long incompleteTables() {
        return incompleteTables;
    }

    private AssetTarget target(String assetId) {
        AssetTarget target = targets.get(assetId);
        if (target == null) {
            throw new IllegalArgumentException("Unknown asset " + assetId);
        }
        return target;
    }

    /** The assets' table names in one schema, and the schema's spelling; spellings pick the least, to be stable. */
    private static final class SchemaGroup {

        private String schemaName;
        private final Map<String, String> tableNamesByFolded = new TreeMap<>();
        private List<String> tableNames;

        void add(String schema, String tableName) {
            schemaName = least(schemaName, schema);
            tableNamesByFolded.merge(Names.fold(tableName), tableName, SchemaGroup::least);
            tableNames = null;
        }

        /** A new group holding both: groups are shared by data sources, so neither is changed. */
        SchemaGroup union(SchemaGroup other) {
            SchemaGroup union = new SchemaGroup();
            for (SchemaGroup group : List.of(this, other)) {
                group.tableNamesByFolded.values().forEach(table -> union.add(group.schemaName, table));
            }
            return union;
        }

        SchemaRequest request(long dataSourceId) {
            if (tableNames == null) {
                tableNames = List.copyOf(tableNamesByFolded.values());
            }
            return new SchemaRequest(dataSourceId, schemaName, tableNames);
        }

        private static String least(String a, String b) {
            return a == null || b.compareTo(a) < 0 ? b : a;
        }
    }
}
