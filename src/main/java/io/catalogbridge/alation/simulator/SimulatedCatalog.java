package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.Shares;
import io.catalogbridge.simulator.Hashing;
import io.catalogbridge.alation.simulator.SimulatedDataSource.Kind;
import io.catalogbridge.alation.simulator.TableNames.Style;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic Alation catalog: the same {@code seed} and size always give the same catalog, and no table is
 * stored. Data sources and schemas (a few thousand at most) are generated once; a table is computed from its id
 * whenever it is asked for, so a catalog of two million tables costs the memory of one of a thousand.
 *
 * <h2>Generation rules</h2>
 * <ul>
 * <li><b>Ids</b> share one space, in disjoint ranges: data sources {@code 1..D}, schemas from
 * {@value #FIRST_SCHEMA_ID}, tables from {@value #FIRST_TABLE_ID}. Schemas are numbered data source by data source,
 * tables schema by schema, so a data source's or a schema's tables are one consecutive id range.</li>
 * <li><b>Data sources</b>: D = 10, plus 3 for each doubling of the catalog beyond 10,000 tables (28 for a million).
 * Source {@code i} has type {@code types[i mod 8]} over a seed-shuffled order of the eight {@link DbType}s; the
 * "cycle" {@code i / 8} is its environment (prod, staging, dev, ...). Kinds alternate native / connector, and flip
 * from one cycle to the next, so every type appears as both kinds. A staging source is a clone of its prod source:
 * same database name (BigQuery: a project of its own), another host. About one source in four listens on a
 * non-default port; about half of those on the default port leave the port out of their {@code uri}. Titles are
 * unique ignoring case: {@code dwh_prod} or {@code Sales Snowflake (Staging)}.</li>
 * <li><b>Schemas</b>: {@code max(2 D, tables / 1000)}, at least one per data source, spread with seed-drawn weights.
 * The first schema of a source is its type's usual one ({@code public}, {@code dbo}, {@code PUBLIC}, ...), the others
 * come from the type's list ({@code HR.2017} and mixed-case names included), numbered once the list runs out.
 * SQL Server, Snowflake, Redshift, BigQuery and Databricks schemas are multipart, {@code database.schema}, the
 * database mostly the source's own ({@code adventureworks.SalesLT}).</li>
 * <li><b>Tables</b>: the catalog's tables are spread over schemas with log-normal weights (a million-table catalog
 * has schemas of a few hundred to a few thousand tables). Names come from {@link TableNames}: schemas with the same
 * name hold the same names in the same order, so {@code public} of one PostgreSQL source shares its tables' names
 * with {@code public} of every other (only the connection tells them apart); a schema
 * writes names in its type's case ({@code customer_address}, {@code CUSTOMER_ADDRESS}, {@code CustomerAddress}),
 * one in five in another; one name in 200 has a twin differing only in case, one in 100 holds a dot, one in 1,000 a
 * double quote. One table in ten is a VIEW; about a third have a title, about half a description.</li>
 * <li><b>Keys</b> are {@code ds_id.schema parts.table}, each part quoted as Alation does ({@link AlationKeys}).</li>
 * </ul>
 * Tables renamed, moved or dropped at run time ({@link #drift()}) are an overlay over these rules: every listing and
 * lookup shows them as they are now.
 */
public final class SimulatedCatalog {

    public static final int MAX_TABLES = 100_000_000;
    public static final long FIRST_SCHEMA_ID = 1_001;
    public static final long FIRST_TABLE_ID = 1_000_001;

    private static final int TABLES_PER_SCHEMA = 1_000;
    private static final int MIN_DATA_SOURCES = 10;
    private static final String[] DOMAINS = {"sales", "finance", "hr", "marketing", "dwh", "crm", "erp", "inventory",
        "logistics", "support", "billing", "analytics", "product", "risk", "supply_chain", "payments"};

    private static final long SALT_TYPES = 1;
    private static final long SALT_SOURCE = 2;
    private static final long SALT_SCHEMA_SHARE = 3;
    private static final long SALT_SCHEMA_STYLE = 4;
    private static final long SALT_SCHEMA_SIZE = 5;
    private static final long SALT_NAMES = 6;
    private static final long SALT_TABLE = 7;

    private final long seed;
    private final int tableCount;
    private final TableNames names;
    private final List<SimulatedDataSource> dataSources;
    private final List<SimulatedSchema> schemas;
    /** Index of each data source's first schema; one more entry than sources, ending at the schema count. */
    private final int[] firstSchemaIndex;
    /** First table id of each schema; one more entry than schemas, ending past the last table. */
    private final long[] firstTableIds;
    private final Style[] styles;
    private final int[] nameOffsets;
    private final CatalogDrift drift;

    public SimulatedCatalog(long seed, int tables) {
        if (tables < 0 || tables > MAX_TABLES) {
            throw new IllegalArgumentException("tables must be between 0 and " + MAX_TABLES + ", not " + tables);
        }
        this.seed = seed;
        this.tableCount = tables;
        this.names = new TableNames(seed);
        int sourceCount = dataSourceCount(tables);
        int schemaCount = Math.max(2 * sourceCount, (tables + TABLES_PER_SCHEMA - 1) / TABLES_PER_SCHEMA);
        this.dataSources = List.copyOf(generateDataSources(sourceCount));
        this.firstSchemaIndex = shareOut(schemaCount, sourceCount, SALT_SCHEMA_SHARE);
        this.styles = new Style[schemaCount];
        this.nameOffsets = new int[schemaCount];
        this.firstTableIds = tableRanges(schemaCount);
        this.schemas = List.copyOf(generateSchemas());
        this.drift = new CatalogDrift(this, FIRST_TABLE_ID + tables); // moved tables get ids above every computed one
    }

    static int dataSourceCount(int tables) {
        int doublings = tables < 20_000 ? 0 : 31 - Integer.numberOfLeadingZeros(tables / 10_000);
        return MIN_DATA_SOURCES + 3 * doublings;
    }

    public long seed() {
        return seed;
    }

    /** The tables the seed generates; drift changes what is listed, not this. */
    public int tableCount() {
        return tableCount;
    }

    /** The tables renamed, moved and dropped at run time, and the calls that change them. */
    public CatalogDrift drift() {
        return drift;
    }

    public List<SimulatedDataSource> dataSources() {
        return dataSources;
    }

    public Optional<SimulatedDataSource> dataSource(long id) {
        return id >= 1 && id <= dataSources.size() ? Optional.of(dataSources.get((int) id - 1)) : Optional.empty();
    }

    /** Every schema, in id order. */
    public List<SimulatedSchema> schemas() {
        return schemas;
    }

    /** The schemas of one data source, in id order; empty for an unknown source. */
    public List<SimulatedSchema> schemas(long dsId) {
        if (dsId < 1 || dsId > dataSources.size()) {
            return List.of();
        }
        return schemas.subList(firstSchemaIndex[(int) dsId - 1], firstSchemaIndex[(int) dsId]);
    }

    public Optional<SimulatedSchema> schema(long id) {
        long index = id - FIRST_SCHEMA_ID;
        return index >= 0 && index < schemas.size() ? Optional.of(schemas.get((int) index)) : Optional.empty();
    }

    /** The table as it is now: empty when no table has the id (any more). */
    public Optional<SimulatedTable> table(long id) {
        return table(id, drift.state());
    }

    /** The table under one state of the drift, so that a request answers from one state throughout. */
    Optional<SimulatedTable> table(long id, CatalogDrift.State drifted) {
        if (!drifted.isEmpty() && drifted.changed().contains(id)) {
            return Optional.ofNullable(drifted.tables().get(id));
        }
        int schemaIndex = schemaIndexOfTable(id);
        return schemaIndex < 0 ? Optional.empty() : Optional.of(tableAt(schemaIndex, id));
    }

    /** The tables of one schema in id order, computed as they are consumed; empty for an unknown schema. */
    public Stream<SimulatedTable> tablesInSchema(long schemaId) {
        CatalogDrift.State drifted = drift.state();
        if (!drifted.isEmpty()) {
            return tables(new TableFilter(null, null, schemaId, null, null, null, null, null), drifted);
        }
        return schema(schemaId).stream().flatMap(schema -> schema.tableIds()
                .mapToObj(id -> tableAt((int) (schema.id() - FIRST_SCHEMA_ID), id)));
    }

    /** Every table in id order, computed as they are consumed: nothing is held, whatever the catalog's size. */
    public Stream<SimulatedTable> tables() {
        CatalogDrift.State drifted = drift.state();
        if (!drifted.isEmpty()) {
            return tables(TableFilter.ALL, drifted);
        }
        return LongStream.range(FIRST_TABLE_ID, FIRST_TABLE_ID + tableCount).mapToObj(id -> table(id).orElseThrow());
    }

    private Stream<SimulatedTable> tables(TableFilter filter, CatalogDrift.State drifted) {
        return StreamSupport.longStream(Spliterators.spliteratorUnknownSize(selectTables(filter, drifted).from(0),
                Spliterator.ORDERED | Spliterator.SORTED | Spliterator.DISTINCT), false)
                .mapToObj(id -> table(id, drifted).orElseThrow());
    }

    @Override
    public String toString() {
        long connectors = dataSources.stream().filter(ds -> !ds.isNative()).count();
        return "SimulatedCatalog[seed=" + seed + ", tables=" + tableCount + ", schemas=" + schemas.size()
                + ", dataSources=" + dataSources.size() + " (" + (dataSources.size() - connectors) + " native, "
                + connectors + " connector)]";
    }

    // ---- queries of the HTTP endpoints: narrowed by id ranges first, never a scan of the tables ----

    List<SimulatedSchema> selectSchemas(SchemaFilter filter) {
        List<SimulatedSchema> candidates = filter.dsId() != null ? schemas(filter.dsId()) : schemas;
        if (filter.id() != null) {
            candidates = schema(filter.id()).filter(candidates::contains).map(List::of).orElse(List.of());
        }
        return candidates.stream()
                .filter(schema -> filter.name() == null || schema.name().equals(filter.name()))
                .filter(schema -> filter.nameIexact() == null || schema.name().equalsIgnoreCase(filter.nameIexact()))
                .toList();
    }

    IdRanges selectTables(TableFilter filter) {
        return selectTables(filter, drift.state());
    }

    /**
     * The tables a filter selects under one state of the drift: the computed selection, without the tables that
     * drifted and with those that, as they are now, pass the filter. With no drift, the computed selection as is.
     */
    IdRanges selectTables(TableFilter filter, CatalogDrift.State drifted) {
        IdRanges computed = selectComputed(filter);
        if (drifted.isEmpty()) {
            return computed;
        }
        NavigableSet<Long> admitted = drifted.tables().values().stream().filter(filter::admits)
                .map(SimulatedTable::id).collect(Collectors.toCollection(TreeSet::new));
        return computed.replacing(drifted.changed(), admitted);
    }

    /** The computed tables a filter selects; a set of ids narrows to their span first, then keeps only them. */
    private IdRanges selectComputed(TableFilter filter) {
        if (filter.ids() == null) {
            return selectComputed(filter, FIRST_TABLE_ID, FIRST_TABLE_ID + tableCount);
        }
        NavigableSet<Long> ids = filter.ids().subSet(FIRST_TABLE_ID, true, FIRST_TABLE_ID + tableCount, false);
        if (ids.isEmpty()) {
            return new IdRanges();
        }
        IdRanges span = selectComputed(filter, ids.first(), ids.last() + 1);
        return ids.size() == 1 ? span : span.retain(ids);
    }

    /** The computed tables a filter (but its ids) selects among the ids {@code fromId .. toId - 1}. */
    private IdRanges selectComputed(TableFilter filter, long fromId, long toId) {
        IdRanges selected = new IdRanges();
        if (filter.idGt() != null && filter.idGt() >= fromId) {
            if (filter.idGt() >= toId - 1) {
                return selected;
            }
            fromId = filter.idGt() + 1;
        }
        if (fromId >= toId) {
            return selected;
        }
        int from = schemaIndexOfTable(fromId);
        int to = schemaIndexOfTable(toId - 1) + 1;
        if (filter.dsId() != null) {
            if (dataSource(filter.dsId()).isEmpty()) {
                return selected;
            }
            int source = (int) (filter.dsId() - 1);
            from = Math.max(from, firstSchemaIndex[source]);
            to = Math.min(to, firstSchemaIndex[source + 1]);
        }
        if (filter.schemaId() != null) {
            if (schema(filter.schemaId()).isEmpty()) {
                return selected;
            }
            int index = (int) (filter.schemaId() - FIRST_SCHEMA_ID);
            from = Math.max(from, index);
            to = Math.min(to, index + 1);
        }
        TableNames.Lookup lookup = filter.name() != null ? names.lookup(filter.name(), false)
                : filter.nameIexact() != null ? names.lookup(filter.nameIexact(), true) : null;
        TableNames.Lookup alsoIexact = filter.name() != null && filter.nameIexact() != null
                ? names.lookup(filter.nameIexact(), true) : null;
        for (int index = from; index < to; index++) {
            SimulatedSchema schema = schemas.get(index);
            boolean nameDiffers = filter.schemaName() != null && !schema.name().equals(filter.schemaName());
            if (nameDiffers || filter.schemaNameIexact() != null
                    && !schema.name().equalsIgnoreCase(filter.schemaNameIexact())) {
                continue;
            }
            long rangeFrom = Math.max(fromId, schema.firstTableId());
            long rangeTo = Math.min(toId, schema.firstTableId() + schema.tableCount());
            if (lookup == null) {
                selected.add(rangeFrom, rangeTo);
                continue;
            }
            for (long position : lookup.positions(styles[index], nameOffsets[index], schema.tableCount())) {
                long id = schema.firstTableId() + position;
                if (id >= rangeFrom && id < rangeTo && (alsoIexact == null
                        || alsoIexact.matches(names.name(styles[index], nameOffsets[index], position)))) {
                    selected.add(id, id + 1);
                }
            }
        }
        return selected;
    }

    // ---- tables, computed on demand ----

    /** The index of the schema holding table {@code id}, or -1 when no table has that id. */
    int schemaIndexOfTable(long id) {
        if (id < FIRST_TABLE_ID || id >= FIRST_TABLE_ID + tableCount) {
            return -1;
        }
        int low = 0;
        int high = schemas.size() - 1;
        while (low < high) { // the last schema starting at or before id: empty schemas share their start with the next
            int middle = (low + high + 1) >>> 1;
            if (firstTableIds[middle] <= id) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private SimulatedTable tableAt(int schemaIndex, long id) {
        SimulatedSchema schema = schemas.get(schemaIndex);
        long position = id - schema.firstTableId();
        String name = names.name(styles[schemaIndex], nameOffsets[schemaIndex], position);
        long hash = Hashing.hash(seed, SALT_TABLE, id);
        boolean view = Hashing.below(hash, 10) == 0;
        int combination = names.combination(nameOffsets[schemaIndex], position);
        return new SimulatedTable(id, name, title(hash >>> 8, combination), description(hash >>> 16, combination, view),
                schema.dsId(), schema.key() + "." + AlationKeys.quote(name), "/table/" + id + "/",
                view ? SimulatedTable.VIEW : SimulatedTable.TABLE, schema.id(), schema.name());
    }

    private static String title(long hash, int combination) {
        return Hashing.below(hash, 3) == 0 ? capitalizeWords(TableNames.words(combination)) : "";
    }

    private static String description(long hash, int combination, boolean view) {
        return switch (Hashing.below(hash, 6)) {
            case 0 -> "Loaded nightly from the source system.";
            case 1 -> capitalizeWords(TableNames.words(combination)) + (view ? ", as a view for reporting." : ".");
            case 2 -> view ? "Deprecated view: kept for old reports." : "One row per " + TableNames.words(combination)
                    + ", updated hourly.";
            default -> "";
        };
    }

    private static String capitalizeWords(String words) {
        StringBuilder capitalized = new StringBuilder(words.length());
        boolean start = true;
        for (char c : words.toCharArray()) {
            capitalized.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ';
        }
        return capitalized.toString();
    }

    // ---- generation of data sources and schemas ----

    private List<SimulatedDataSource> generateDataSources(int count) {
        List<DbType> types = new ArrayList<>(List.of(DbType.values()));
        for (int i = types.size() - 1; i > 0; i--) {
            int j = Hashing.below(Hashing.hash(seed, SALT_TYPES, i), i + 1);
            types.set(i, types.set(j, types.get(i)));
        }
        List<SimulatedDataSource> sources = new ArrayList<>(count);
        Set<String> titles = new HashSet<>();
        for (int index = 0; index < count; index++) {
            DbType type = types.get(index % types.size());
            int cycle = index / types.size();
            long id = index + 1;
            long hash = Hashing.hash(seed, SALT_SOURCE, id);
            Kind kind = (index % types.size() + cycle) % 2 == 0 ? Kind.NATIVE : Kind.CONNECTOR;
            String environment = DataSourceNaming.environment(cycle);
            boolean fixedPort = type.defaultPort() == 443; // cloud services listen on 443 only
            int port = !fixedPort && Hashing.below(hash, 4) == 0 ? otherPort(type) : type.defaultPort();
            boolean portInUri = port != type.defaultPort() || Hashing.below(hash >>> 4, 2) == 0;
            String host = DataSourceNaming.host(type, cycle, seed);
            String database = DataSourceNaming.database(type, cycle, seed);
            String title = uniqueTitle(titles, type, environment, hash >>> 8);
            sources.add(new SimulatedDataSource(id, kind, type, title,
                    "Simulated " + DataSourceNaming.label(type) + " data source (" + environment + ")",
                    host, port, database, type.uri(host, portInUri ? port : null, database)));
        }
        return sources;
    }

    private static int otherPort(DbType type) {
        return type == DbType.SQLSERVER ? 14330 : type.defaultPort() + 1;
    }

    private static String uniqueTitle(Set<String> titles, DbType type, String environment, long hash) {
        for (int attempt = 0; ; attempt++) {
            String domain = DOMAINS[Hashing.below(hash + attempt, DOMAINS.length)];
            String title = attempt >= DOMAINS.length ? domain + "_" + environment + "_" + attempt
                    : Hashing.below(hash >>> 20, 2) == 0 ? domain + "_" + environment
                    : capitalizeWords(domain.replace('_', ' ')) + " " + DataSourceNaming.label(type)
                            + ("prod".equals(environment) ? "" : " (" + (environment.length() <= 2
                            ? environment.toUpperCase(Locale.ROOT) : capitalizeWords(environment)) + ")");
            if (titles.add(title.toLowerCase(Locale.ROOT))) {
                return title;
            }
        }
    }

    private List<SimulatedSchema> generateSchemas() {
        List<SimulatedSchema> generated = new ArrayList<>(firstTableIds.length - 1);
        for (SimulatedDataSource source : dataSources) {
            int first = firstSchemaIndex[(int) source.id() - 1];
            int last = firstSchemaIndex[(int) source.id()];
            for (int index = first; index < last; index++) {
                String[] parts = DataSourceNaming.schemaParts(source, index - first, seed);
                String name = String.join(".", parts);
                String lowerName = name.toLowerCase(Locale.ROOT);
                // the style and the names' offset follow the schema's name, so equally named schemas hold equal tables
                long hash = Hashing.hash(seed, SALT_SCHEMA_STYLE, source.dbType().ordinal() + ":" + lowerName);
                styles[index] = Hashing.below(hash, 5) == 0
                        ? Style.values()[(DataSourceNaming.style(source.dbType()).ordinal() + 1
                                + Hashing.below(hash >>> 8, 2)) % Style.values().length]
                        : DataSourceNaming.style(source.dbType());
                nameOffsets[index] = Hashing.below(Hashing.hash(seed, SALT_NAMES, lowerName),
                        TableNames.COMBINATIONS);
                long firstTableId = firstTableIds[index];
                generated.add(new SimulatedSchema(FIRST_SCHEMA_ID + index, source.id(), name,
                        parts.length == 2 ? parts[0] : null, parts[parts.length - 1],
                        AlationKeys.key(source.id(), parts), firstTableId,
                        (int) (firstTableIds[index + 1] - firstTableId)));
            }
        }
        return generated;
    }

    /** Cuts {@code total} into {@code parts} shares of at least one (when there is enough) with seed-drawn weights. */
    private int[] shareOut(int total, int parts, long salt) {
        int guaranteed = total >= parts ? 1 : 0;
        double[] weights = new double[parts];
        for (int i = 0; i < parts; i++) {
            weights[i] = Shares.evenWeight(Hashing.unit(Hashing.hash(seed, salt, i)));
        }
        long[] cuts = Shares.cut(total - (long) guaranteed * parts, weights);
        int[] starts = new int[parts + 1];
        for (int i = 0; i <= parts; i++) {
            starts[i] = (int) cuts[i] + guaranteed * i;
        }
        return starts;
    }

    /** First table id of every schema, log-normal sizes: most near the mean, a few several times larger. */
    private long[] tableRanges(int schemaCount) {
        double[] weights = new double[schemaCount];
        for (int i = 0; i < schemaCount; i++) {
            weights[i] = Shares.logNormalWeight(seed, SALT_SCHEMA_SIZE, i);
        }
        long[] cuts = Shares.cut(tableCount, weights);
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] += FIRST_TABLE_ID;
        }
        return cuts;
    }

}
