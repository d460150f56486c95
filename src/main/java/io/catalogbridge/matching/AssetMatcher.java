package io.catalogbridge.matching;

import io.catalogbridge.assets.Asset;
import io.catalogbridge.matching.DataSourceSelector.Selection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Matches a tenant's assets to a catalog's tables (design.md, "Matching an asset to a catalog table") while the
 * catalog streams by page after page. It names no catalog: a wing hands it neutral data sources, its tables as
 * {@link CatalogTable}s, the words its reasons use, and how to build the wing's mapping. Its memory grows with the assets, not with the catalog: assets are indexed by table
 * name, then schema name (both case-folded), a table no asset names is dropped after one hash lookup, and only
 * candidate tables are kept. The outcome depends on which tables were accepted, not on their order.
 *
 * <p>Not thread-safe: feed the pages from one thread (or one at a time), then read the outcomes.
 *
 * @param <I> the catalog's id type ({@link CatalogTable})
 * @param <T> the wing's table type
 * @param <M> the wing's mapping type
 */
public class AssetMatcher<I extends Comparable<? super I>, T extends CatalogTable<I>, M> {

    private final DataSourceSelector<I> sources;
    private final CatalogWords words;
    private final MappingFactory<I, T, M> mappings;
    /** Every asset, by asset id: sorted, so that outcomes come in one order whatever the input order. */
    private final Map<String, AssetTarget<I, T, M>> targets = new TreeMap<>();
    /**
     * Folded table name → folded schema name (each spelling the catalog may use) → assets that want that table; looked
     * up by the catalog's names as they come, not folded first ({@link FoldedIndex}).
     */
    private final FoldedIndex<FoldedIndex<List<AssetTarget<I, T, M>>>> byTableThenSchema = new FoldedIndex<>();
    private long tablesSeen;
    private long incompleteTables;

    /**
     * @param assets          the tenant's assets; asset ids must be present and unique
     * @param dataSources     the catalog's data sources
     * @param dataSourceLinks the tenant's links: observability data source name → the catalog's data source id
     * @param words           how reasons name the catalog
     * @param mappings        builds the wing's mapping of an asset to its one matching table
     */
    public AssetMatcher(Collection<Asset> assets, Collection<CatalogDataSource<I>> dataSources,
            Map<String, I> dataSourceLinks, CatalogWords words, MappingFactory<I, T, M> mappings) {
        this(assets, dataSources, DataSourceLinks.of(dataSourceLinks), words, mappings);
    }

    /**
     * For a catalog whose links name their data source rather than give its id, so that a link to a name the catalog
     * does not list can still hold ({@link DataSourceLinks}).
     *
     * @param dataSourceLinks the tenant's links, resolved to the catalog's ids where it lists their data source
     */
    public AssetMatcher(Collection<Asset> assets, Collection<CatalogDataSource<I>> dataSources,
            DataSourceLinks<I> dataSourceLinks, CatalogWords words, MappingFactory<I, T, M> mappings) {
        this.sources = new DataSourceSelector<>(dataSources, dataSourceLinks);
        this.words = words;
        this.mappings = mappings;
        for (Asset asset : assets) {
            if (asset.assetId() == null) {
                throw new IllegalArgumentException("An asset without asset_id cannot be matched: " + asset);
            }
            AssetTarget<I, T, M> target = new AssetTarget<>(asset, sources.select(asset));
            if (targets.putIfAbsent(asset.assetId(), target) != null) {
                throw new IllegalArgumentException("Asset " + asset.assetId() + " is given twice");
            }
            index(target);
        }
    }

    private void index(AssetTarget<I, T, M> target) {
        if (!target.isMatchable()) {
            return;
        }
        FoldedIndex<List<AssetTarget<I, T, M>>> bySchema =
                byTableThenSchema.computeIfAbsent(target.asset().table(), table -> new FoldedIndex<>(2));
        for (String schema : target.schemaSpellings()) {
            bySchema.computeIfAbsent(schema, spelling -> new ArrayList<>(1)).add(target);
        }
    }

    /** Takes one catalog table into account; the hot path: one lookup, nothing allocated, for a table no asset names. */
    public void accept(T table) {
        tablesSeen++;
        if (table == null || table.name() == null) {
            return;
        }
        FoldedIndex<List<AssetTarget<I, T, M>>> bySchema = byTableThenSchema.get(table.name());
        if (bySchema == null || table.schemaName() == null) {
            return;
        }
        List<AssetTarget<I, T, M>> wanting = bySchema.get(table.schemaName());
        if (wanting == null) {
            return;
        }
        if (!table.isMappable()) {
            // a mapping needs the table's ids; counted, so that a caller can tell a user why a table was passed over
            incompleteTables++;
            return;
        }
        for (AssetTarget<I, T, M> target : wanting) {
            target.offer(table);
        }
    }

    /** Takes one page of the catalog into account. */
    public void accept(List<? extends T> page) {
        for (T table : page) {
            accept(table);
        }
    }

    /** The data sources searched for an asset's table (rule 1), and the rule that chose them. */
    public DataSourceChoice<I> dataSourceChoice(String assetId) {
        return target(assetId).selection().choice();
    }

    /**
     * The listings that find every candidate table: one per data source and schema spelling an asset may be under in
     * the catalog (its schema, and {@code database.schema} when it has a database), sorted by data source id, then schema
     * name ignoring case. Compare their number with the size of the catalog to choose between asking for these
     * schemas and listing everything.
     */
    public List<SchemaRequest<I>> schemaRequests() {
        // grouped by schema, then by selection first: thousands of assets share one selection (every data source,
        // above all), so a group's table names are gathered once and shared by each data source it stands for;
        // equal selections are one instance, and identity spares hashing their ids for every asset
        Map<String, Map<Selection<I>, SchemaGroup>> bySchema = new HashMap<>();
        for (AssetTarget<I, T, M> target : targets.values()) {
            if (!target.isMatchable()) {
                continue;
            }
            for (String schema : target.schemaSpellings()) {
                bySchema.computeIfAbsent(Names.fold(schema), folded -> new IdentityHashMap<>())
                        .computeIfAbsent(target.selection(), selection -> new SchemaGroup())
                        .add(schema, target.asset().table());
            }
        }
        List<SchemaRequest<I>> requests = new ArrayList<>();
        for (Map<Selection<I>, SchemaGroup> groups : bySchema.values()) {
            Map<I, SchemaGroup> byDataSource = new HashMap<>();
            groups.forEach((selection, group) -> {
                for (I id : selection.choice().dataSourceIds()) {
                    byDataSource.merge(id, group, SchemaGroup::union);
                }
            });
            byDataSource.forEach((id, group) -> requests.add(group.request(id)));
        }
        requests.sort(Comparator.comparing((SchemaRequest<I> request) -> request.dataSourceId())
                .thenComparing(request -> Names.fold(request.schemaName())));
        return requests;
    }

    /**
     * Whether {@link #schemaRequests} holds at most {@code max} requests, told without building them: the distinct
     * pairs of data source and folded schema are counted, and the count stops once it passes {@code max}, so that a
     * job with too many assets for a targeted plan spends no time on its requests.
     */
    public boolean schemaRequestsAtMost(int max) {
        Map<String, Set<Selection<I>>> selectionsBySchema = new HashMap<>();
        Map<String, Set<I>> dataSourcesBySchema = new HashMap<>();
        long requests = 0;
        for (AssetTarget<I, T, M> target : targets.values()) {
            if (!target.isMatchable()) {
                continue;
            }
            for (String schema : target.schemaSpellings()) {
                String folded = Names.fold(schema);
                // equal selections are one instance: each is counted once per schema
                if (!selectionsBySchema.computeIfAbsent(folded,
                        f -> Collections.newSetFromMap(new IdentityHashMap<>())).add(target.selection())) {
                    continue;
                }
                Set<I> dataSources = dataSourcesBySchema.computeIfAbsent(folded, f -> new HashSet<>());
                for (I id : target.selection().choice().dataSourceIds()) {
                    if (dataSources.add(id) && ++requests > max) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Every asset's outcome, by asset id. */
    public List<MatchOutcome<I, M>> outcomes() {
        return targets.values().stream().map(this::outcome).toList();
    }

    /** One asset's outcome with the tables accepted so far. */
    public MatchOutcome<I, M> outcome(String assetId) {
        return outcome(target(assetId));
    }

    private MatchOutcome<I, M> outcome(AssetTarget<I, T, M> target) {
        return target.outcome(sources, words, mappings);
    }

    public MatchSummary summary() {
        return MatchSummary.of(outcomes());
    }

    /** How many tables were accepted, matching or not. */
    public long tablesSeen() {
        return tablesSeen;
    }

    /** Tables that matched an asset's table and schema but were not {@link CatalogTable#isMappable() mappable}. */
    public long incompleteTables() {
        return incompleteTables;
    }

    private AssetTarget<I, T, M> target(String assetId) {
        AssetTarget<I, T, M> target = targets.get(assetId);
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

        <I extends Comparable<? super I>> SchemaRequest<I> request(I dataSourceId) {
            if (tableNames == null) {
                tableNames = List.copyOf(tableNamesByFolded.values());
            }
            return new SchemaRequest<>(dataSourceId, schemaName, tableNames);
        }

        private static String least(String a, String b) {
            return a == null || b.compareTo(a) < 0 ? b : a;
        }
    }
}
