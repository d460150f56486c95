package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.Hashing;
import io.catalogbridge.simulator.Shares;
import io.catalogbridge.openmetadata.simulator.ServiceType.NameCase;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A deterministic OpenMetadata catalog: the same seed and size always give the same services, databases, schemas and
 * tables, and no table is stored. Services, databases and schemas (a few thousand at most) are generated once; a
 * table is computed from its index whenever it is asked for.
 *
 * <h2>Generation rules</h2>
 * <ul>
 * <li><b>Services</b>: 10, plus 3 for each doubling of the catalog beyond 10,000 tables. Service {@code i} has type
 * {@code types[i mod 8]} over a seed-shuffled order of the eight {@link ServiceType}s; the cycle {@code i / 8} is its
 * environment ({@code snowflake_prod}, {@code postgres_staging}, ...).</li>
 * <li><b>Databases</b>: one to three per service from the type's list (the first is the connection's database);
 * MySQL and Oracle have the one database {@code default}.</li>
 * <li><b>Schemas</b>: {@code max(2 databases, tables / 1000)}, at least two per database, the type's usual one first
 * ({@code PUBLIC}, {@code public}, {@code dbo}, ...); dotted ones included, Postgres' second always
 * {@code fin.ledger} and MySQL's {@code legacy.v1}, so every catalog has quoted schema names.</li>
 * <li><b>Tables</b>: spread over schemas with log-normal weights; names from {@link TableVocabulary}, in the type's
 * case, each schema holding a seed-drawn affine permutation of the names (numbered {@code _2}, {@code _3} ... only
 * past {@value TableVocabulary#COMBINATIONS} tables), so one name recurs across schemas and services. One table in 10 is a {@code View}; one in 50 is soft-deleted ({@code deleted: true}).</li>
 * </ul>
 * Listings walk the keyset order (name, id) without sorting the catalog: names are visited in their sorted order and,
 * per name, each schema in scope holds it at most once at a position computed from the permutation.
 * Tables renamed, moved or deleted at run time ({@link #drift()}) are an overlay: the lookups by id and FQN and the
 * listings show them as they are now (skipping the computed tables that changed, merging in the changed ones);
 * {@link #table(long)} and {@link #tables()} stay the computed catalog.
 */
public final class OpenMetadataCatalog {

    public static final int MAX_TABLES = 10_000_000;
    static final int DELETED_PERIOD = 50;
    static final int DELETED_AT = 17;

    private static final int TABLES_PER_SCHEMA = 1_000;
    private static final String[] ENVIRONMENTS = {"prod", "staging", "dev", "qa", "test", "sandbox", "archive", "dr"};
    private static final String[] SNOWFLAKE_ACCOUNTS = {"acme", "globex", "initech", "umbrella"};
    private static final long SALT_TYPES = 1;
    private static final long SALT_SERVICE = 2;
    private static final long SALT_DATABASES = 3;
    private static final long SALT_SCHEMAS = 4;
    private static final long SALT_SIZES = 5;
    private static final long SALT_PERMUTATION = 6;
    private static final long SALT_TABLE = 7;

    private final long seed;
    private final int tableCount;
    private final Ids ids;
    private final List<OmService> services;
    private final List<OmDatabase> databases;
    private final List<OmSchema> schemas;
    private final long[] firstTables;
    private final OpenMetadataDrift drift = new OpenMetadataDrift(this);

    public OpenMetadataCatalog(long seed, int tables) {
        if (tables < 0 || tables > MAX_TABLES) {
            throw new IllegalArgumentException("tables must be between 0 and " + MAX_TABLES + ", not " + tables);
        }
        this.seed = seed;
        this.tableCount = tables;
        this.ids = new Ids(seed);
        this.services = List.copyOf(generateServices(serviceCount(tables)));
        this.databases = List.copyOf(generateDatabases());
        this.schemas = List.copyOf(generateSchemas());
        this.firstTables = new long[schemas.size() + 1];
        for (int i = 0; i < schemas.size(); i++) {
            firstTables[i] = schemas.get(i).firstTable();
        }
        firstTables[schemas.size()] = tables;
    }

    static int serviceCount(int tables) {
        int doublings = tables < 20_000 ? 0 : 31 - Integer.numberOfLeadingZeros(tables / 10_000);
        return 10 + 3 * doublings;
    }

    public long seed() {
        return seed;
    }

    public int tableCount() {
        return tableCount;
    }

    /** The tables renamed, moved and deleted at run time, and the calls that change them. */
    public OpenMetadataDrift drift() {
        return drift;
    }

    public List<OmService> services() {
        return services;
    }

    public List<OmDatabase> databases() {
        return databases;
    }

    public List<OmSchema> schemas() {
        return schemas;
    }

    public Optional<OmService> service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    public Optional<OmDatabase> database(String fqn) {
        return databases.stream().filter(database -> database.fullyQualifiedName().equals(fqn)).findFirst();
    }

    public Optional<OmSchema> schema(String fqn) {
        return schemas.stream().filter(schema -> schema.fullyQualifiedName().equals(fqn)).findFirst();
    }

    public List<OmDatabase> databasesOf(OmService service) {
        return databases.stream().filter(database -> database.service() == service).toList();
    }

    public List<OmSchema> schemasOf(OmDatabase database) {
        return schemas.stream().filter(schema -> schema.database() == database).toList();
    }

    /** The table with this catalog index (0 .. tableCount - 1). */
    public OmTable table(long index) {
        if (index < 0 || index >= tableCount) {
            throw new IllegalArgumentException("no table " + index);
        }
        int low = 0;
        int high = schemas.size() - 1;
        while (low < high) { // the last schema starting at or before index: empty ones share their start
            int middle = (low + high + 1) >>> 1;
            if (firstTables[middle] <= index) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return tableAt(schemas.get(low), (int) (index - firstTables[low]));
    }

    /** The table with this id as it is now (soft-deleted ones too), or empty. */
    public Optional<OmTable> table(UUID id) {
        return table(id, drift.state());
    }

    Optional<OmTable> table(UUID id, OpenMetadataDrift.State drifted) {
        if (drifted.isEmpty()) {
            return computedTable(id);
        }
        OmTable now = drifted.tables().get(id);
        return now != null ? Optional.of(now) : drifted.changed(id) ? Optional.empty() : computedTable(id);
    }

    /** The table with this id as the seed generates it, whatever drifted. */
    Optional<OmTable> computedTable(UUID id) {
        long index = ids.index(Ids.Kind.TABLE, id);
        return index < 0 || index >= tableCount ? Optional.empty() : Optional.of(table(index));
    }

    /** The id of the table the {@code n}-th move (from 0) re-creates. */
    UUID movedTableId(long n) {
        return ids.id(Ids.Kind.MOVED_TABLE, n);
    }

    /** The table with this FQN as it is now, exact case (soft-deleted ones too), or empty. */
    public Optional<OmTable> tableByFqn(String fqn) {
        return tableByFqn(fqn, drift.state());
    }

    Optional<OmTable> tableByFqn(String fqn, OpenMetadataDrift.State drifted) {
        if (drifted.isEmpty()) {
            return computedTableByFqn(fqn);
        }
        for (OmTable now : drifted.tables().values()) { // one per table changed: few
            if (now.fullyQualifiedName().equals(fqn)) {
                return Optional.of(now);
            }
        }
        return computedTableByFqn(fqn).filter(computed -> !drifted.changed(computed.id()));
    }

    private Optional<OmTable> computedTableByFqn(String fqn) {
        List<String> parts = Fqn.split(fqn);
        if (parts == null || parts.size() != 4) {
            return Optional.empty();
        }
        return schema(Fqn.build(parts.get(0), parts.get(1), parts.get(2))).flatMap(schema -> {
            int slot = TableVocabulary.slot(schema.nameCase(), parts.get(3));
            int position = slot < 0 ? -1 : positionOf(schema, slot);
            return position < 0 ? Optional.empty() : Optional.of(tableAt(schema, position));
        });
    }

    /** Every table in index order, computed as they are consumed. */
    public java.util.stream.Stream<OmTable> tables() {
        return java.util.stream.LongStream.range(0, tableCount).mapToObj(this::table);
    }

    @Override
    public String toString() {
        return "OpenMetadataCatalog[seed=" + seed + ", tables=" + tableCount + ", schemas=" + schemas.size()
                + ", databases=" + databases.size() + ", services=" + services.size() + "]";
    }

    // ---- tables, computed on demand ----

    OmTable tableAt(OmSchema schema, int position) {
        long index = schema.firstTable() + position;
        String name = TableVocabulary.name(schema.nameCase(), slotOf(schema, position));
        boolean view = Hashing.below(Hashing.hash(seed, SALT_TABLE, index), 10) == 0;
        return new OmTable(index, ids.id(Ids.Kind.TABLE, index), schema, name,
                schema.fullyQualifiedName() + "." + Fqn.quote(name), view ? "View" : "Regular", isDeleted(position));
    }

    static boolean isDeleted(int position) {
        return position % DELETED_PERIOD == DELETED_AT;
    }

    /**
     * The name slot of the table at {@code position}: within each round of {@value TableVocabulary#COMBINATIONS}
     * positions an affine permutation of the combinations, so a schema uses unnumbered names until it outgrows them.
     */
    private static int slotOf(OmSchema schema, int position) {
        int round = position / TableVocabulary.COMBINATIONS;
        int within = (int) (((long) schema.multiplier() * (position % TableVocabulary.COMBINATIONS)
                + schema.offset()) % TableVocabulary.COMBINATIONS);
        return round * TableVocabulary.COMBINATIONS + within;
    }

    /** The position of the table named after {@code slot} in the schema, or -1 when the schema has none. */
    static int positionOf(OmSchema schema, int slot) {
        int round = slot / TableVocabulary.COMBINATIONS;
        int within = (int) Math.floorMod((long) schema.inverse() * (slot % TableVocabulary.COMBINATIONS
                - schema.offset()), (long) TableVocabulary.COMBINATIONS);
        int position = round * TableVocabulary.COMBINATIONS + within;
        return position < schema.size() ? position : -1;
    }

    // ---- listings in keyset order ----

    /** One page of a listing: the rows, the total in scope, and the cursors to the pages around it. */
    record Page<T>(List<T> rows, long total, String before, String after) {
    }

    /**
     * A page of the tables of these schemas, in (name, id) order, as OpenMetadata's list endpoints page. With drift,
     * the walk skips the computed tables that changed and the tables as they are now are merged into the page.
     */
    Page<OmTable> tables(List<OmSchema> scope, Include include, int limit, Cursor after, Cursor before) {
        OpenMetadataDrift.State drifted = drift.state();
        boolean skipChanged = !drifted.isEmpty(); // read once: the walk below costs nothing more without drift
        long total = skipChanged ? driftedTotal(scope, include, drifted) : 0;
        List<List<OmSchema>> byCase = new ArrayList<>();
        for (NameCase ignored : NameCase.values()) {
            byCase.add(new ArrayList<>());
        }
        for (OmSchema schema : scope) {
            byCase.get(schema.nameCase().ordinal()).add(schema);
            total += visible(schema.size(), include);
        }
        if (limit == 0) {
            return new Page<>(List.of(), total, null, null);
        }
        boolean backward = before != null;
        Cursor from = backward ? before : after;
        int start;
        if (from == null) {
            start = 0;
        } else {
            int found = TableVocabulary.position(from.name());
            start = found >= 0 ? found : backward ? -found - 2 : -found - 1;
            if (found < 0) {
                from = null; // no table has the cursor's name: every row of the first name visited is past it
            }
        }
        List<OmTable> rows = new ArrayList<>(Math.min(limit + 1, 10_000));
        int step = backward ? -1 : 1;
        for (int position = start; position >= 0 && position < TableVocabulary.size() && rows.size() <= limit;
             position += step) {
            List<OmTable> named = new ArrayList<>();
            int slot = TableVocabulary.slotAt(position);
            for (OmSchema schema : byCase.get(TableVocabulary.caseAt(position).ordinal())) {
                int at = positionOf(schema, slot);
                if (at >= 0 && include.admits(isDeleted(at))) {
                    OmTable table = tableAt(schema, at);
                    if (!skipChanged || !drifted.changed(table.id())) {
                        named.add(table);
                    }
                }
            }
            Comparator<OmTable> byId = (a, b) -> Cursor.compareIds(a.id(), b.id());
            named.sort(backward ? byId.reversed() : byId);
            for (OmTable table : named) {
                if (position == start && from != null) {
                    int versus = Cursor.compareIds(table.id(), from.id());
                    if (backward ? versus >= 0 : versus <= 0) {
                        continue;
                    }
                }
                rows.add(table);
                if (rows.size() > limit) {
                    break;
                }
            }
        }
        if (skipChanged) {
            mergeDrifted(rows, scope, include, limit, after, before, drifted);
        }
        return page(rows, total, limit, after != null, backward, OmTable::name, OmTable::id);
    }

    /** What drift changes of a scope's total: less the changed computed tables it counted, plus those now in it. */
    private static long driftedTotal(List<OmSchema> scope, Include include, OpenMetadataDrift.State drifted) {
        java.util.Set<Integer> inScope = schemaIndexes(scope);
        long change = 0;
        for (OmTable computed : drifted.computed().values()) {
            change -= inScope.contains(computed.schema().index()) && include.admits(computed.deleted()) ? 1 : 0;
        }
        for (OmTable now : drifted.tables().values()) {
            change += inScope.contains(now.schema().index()) && include.admits(now.deleted()) ? 1 : 0;
        }
        return change;
    }

    /**
     * Merges the drifted tables of the scope that pass {@code include} and the cursor into the {@code limit + 1} rows
     * gathered, in walking order: both are ordered, so the first {@code limit + 1} of the two are the page's.
     */
    private static void mergeDrifted(List<OmTable> rows, List<OmSchema> scope, Include include, int limit,
                                     Cursor after, Cursor before, OpenMetadataDrift.State drifted) {
        java.util.Set<Integer> inScope = schemaIndexes(scope);
        Comparator<OmTable> keyset = (a, b) -> Cursor.compare(a.name(), a.id(), b.name(), b.id());
        for (OmTable now : drifted.tables().values()) {
            if (inScope.contains(now.schema().index()) && include.admits(now.deleted())
                    && (after == null || Cursor.compare(now.name(), now.id(), after.name(), after.id()) > 0)
                    && (before == null || Cursor.compare(now.name(), now.id(), before.name(), before.id()) < 0)) {
                rows.add(now);
            }
        }
        rows.sort(before != null ? keyset.reversed() : keyset);
        if (rows.size() > limit + 1) {
            rows.subList(limit + 1, rows.size()).clear();
        }
    }

    private static java.util.Set<Integer> schemaIndexes(List<OmSchema> scope) {
        java.util.Set<Integer> indexes = new java.util.HashSet<>();
        scope.forEach(schema -> indexes.add(schema.index()));
        return indexes;
    }

    /** A page of a small, fully generated list (services, databases, schemas) in (name, id) order. */
    static <T> Page<T> page(List<T> all, Include include, int limit, Cursor after, Cursor before,
                            Function<T, String> name, Function<T, UUID> id) {
        List<T> sorted = new ArrayList<>(include == Include.DELETED ? List.of() : all); // only tables are deleted
        sorted.sort((a, b) -> Cursor.compare(name.apply(a), id.apply(a), name.apply(b), id.apply(b)));
        if (limit == 0) {
            return new Page<>(List.of(), sorted.size(), null, null);
        }
        boolean backward = before != null;
        List<T> rows = new ArrayList<>();
        if (backward) {
            for (int i = sorted.size() - 1; i >= 0 && rows.size() <= limit; i--) {
                T row = sorted.get(i);
                if (Cursor.compare(name.apply(row), id.apply(row), before.name(), before.id()) < 0) {
                    rows.add(row);
                }
            }
        } else {
            for (T row : sorted) {
                if (rows.size() > limit) {
                    break;
                }
                if (after == null || Cursor.compare(name.apply(row), id.apply(row), after.name(), after.id()) > 0) {
                    rows.add(row);
                }
            }
        }
        return page(rows, sorted.size(), limit, after != null, backward, name, id);
    }

    /**
     * Cuts the {@code limit + 1} rows gathered (in walking order) to a page: the extra row only says more follow in
     * that direction. Like OpenMetadata: a first page has no {@code before}; a page reached by {@code after} has one.
     */
    private static <T> Page<T> page(List<T> gathered, long total, int limit, boolean cameAfter, boolean backward,
                                    Function<T, String> name, Function<T, UUID> id) {
        boolean more = gathered.size() > limit;
        List<T> rows = new ArrayList<>(more ? gathered.subList(0, limit) : gathered);
        if (backward) {
            java.util.Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            return new Page<>(rows, total, null, null);
        }
        T first = rows.get(0);
        T last = rows.get(rows.size() - 1);
        String beforeCursor = backward ? (more ? new Cursor(name.apply(first), id.apply(first)).encode() : null)
                : cameAfter ? new Cursor(name.apply(first), id.apply(first)).encode() : null;
        String afterCursor = backward || more ? new Cursor(name.apply(last), id.apply(last)).encode() : null;
        return new Page<>(rows, total, beforeCursor, afterCursor);
    }

    /** How many of a schema's {@code size} tables {@code include} shows. */
    static long visible(int size, Include include) {
        long deleted = size > DELETED_AT ? (size - DELETED_AT - 1) / DELETED_PERIOD + 1 : 0;
        return switch (include) {
            case ALL -> size;
            case DELETED -> deleted;
            case NON_DELETED -> size - deleted;
        };
    }

    // ---- generation of services, databases and schemas ----

    private List<OmService> generateServices(int count) {
        List<ServiceType> types = new ArrayList<>(List.of(ServiceType.values()));
        for (int i = types.size() - 1; i > 0; i--) {
            int j = Hashing.below(Hashing.hash(seed, SALT_TYPES, i), i + 1);
            types.set(i, types.set(j, types.get(i)));
        }
        List<OmService> generated = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            ServiceType type = types.get(index % types.size());
            int cycle = index / types.size();
            String environment = cycle < ENVIRONMENTS.length ? ENVIRONMENTS[cycle] : "env" + cycle;
            long hash = Hashing.hash(seed, SALT_SERVICE, index);
            String base = type.openMetadataName().toLowerCase(java.util.Locale.ROOT);
            String name = base + "_" + environment;
            String displayName = type.openMetadataName() + " (" + environment + ")";
            int n = cycle + 1;
            String hostPort = null;
            String account = null;
            String database = type.hasDatabases() ? type.database(Hashing.below(hash >>> 8, type.databaseChoices()))
                    : null;
            boolean otherPort = Hashing.below(hash, 4) == 0;
            switch (type) {
                case SNOWFLAKE -> account = SNOWFLAKE_ACCOUNTS[Hashing.below(hash >>> 16, SNOWFLAKE_ACCOUNTS.length)]
                        + (cycle == 0 ? "" : "-" + environment);
                case POSTGRES -> hostPort = "pg-" + n + ".corp.example:" + (otherPort ? 5433 : 5432);
                case MYSQL -> hostPort = "mysql-" + n + ".corp.example:" + (otherPort ? 3307 : 3306);
                case MSSQL -> hostPort = "mssql-" + n + ".corp.example:" + (otherPort ? 14330 : 1433);
                case ORACLE -> hostPort = "ora-" + n + ".corp.example:" + (otherPort ? 1522 : 1521);
                case REDSHIFT -> hostPort = "dwh-" + n + ".c" + Long.toHexString(hash >>> 24 & 0xFFFFFFFFFFL)
                        + ".us-east-1.redshift.amazonaws.com:5439";
                case DATABRICKS -> hostPort = "adb-" + (1_000_000_000_000_000L
                        + Long.remainderUnsigned(hash >>> 4, 9_000_000_000_000_000L)) + "." + n
                        + ".azuredatabricks.net:443";
                case BIGQUERY -> hostPort = "bigquery.googleapis.com";
            }
            generated.add(new OmService(index, ids.id(Ids.Kind.SERVICE, index), name, displayName, type, hostPort,
                    account, database));
        }
        return generated;
    }

    private List<OmDatabase> generateDatabases() {
        List<OmDatabase> generated = new ArrayList<>();
        for (OmService service : services) {
            ServiceType type = service.type();
            if (!type.hasDatabases()) {
                generated.add(database(generated.size(), service, "default"));
                continue;
            }
            int count = 1 + Hashing.below(Hashing.hash(seed, SALT_DATABASES, service.index()),
                    Math.min(3, type.databaseChoices()));
            int first = Arrays.asList(databaseNames(type)).indexOf(service.database());
            for (int i = 0; i < count; i++) {
                generated.add(database(generated.size(), service, type.database(first + i)));
            }
        }
        return generated;
    }

    private static String[] databaseNames(ServiceType type) {
        String[] names = new String[type.databaseChoices()];
        for (int i = 0; i < names.length; i++) {
            names[i] = type.database(i);
        }
        return names;
    }

    private OmDatabase database(int index, OmService service, String name) {
        return new OmDatabase(index, ids.id(Ids.Kind.DATABASE, index), service, name,
                Fqn.build(service.name(), name));
    }

    private List<OmSchema> generateSchemas() {
        int count = Math.max(2 * databases.size(), (tableCount + TABLES_PER_SCHEMA - 1) / TABLES_PER_SCHEMA);
        long[] perDatabase = Shares.cut(count - 2L * databases.size(), weights(databases.size(), SALT_SCHEMAS, false));
        long[] tableStarts = Shares.cut(tableCount, weights(count, SALT_SIZES, true));
        List<OmSchema> generated = new ArrayList<>(count);
        for (OmDatabase database : databases) {
            int inDatabase = 2 + (int) (perDatabase[database.index() + 1] - perDatabase[database.index()]);
            for (int i = 0; i < inDatabase; i++) {
                int index = generated.size();
                String name = database.service().type().schema(i);
                int size = (int) (tableStarts[index + 1] - tableStarts[index]);
                if (size > TableVocabulary.NAMES) {
                    throw new IllegalStateException("a schema of " + size + " tables: more than the "
                            + TableVocabulary.NAMES + " names");
                }
                long hash = Hashing.hash(seed, SALT_PERMUTATION, index);
                int multiplier = coprime(1 + Hashing.below(hash, TableVocabulary.COMBINATIONS - 1));
                int inverse = BigInteger.valueOf(multiplier).modInverse(BigInteger.valueOf(
                        TableVocabulary.COMBINATIONS)).intValueExact();
                generated.add(new OmSchema(index, ids.id(Ids.Kind.SCHEMA, index), database, name,
                        database.fullyQualifiedName() + "." + Fqn.quote(name),
                        database.service().type().nameCase(), tableStarts[index], size, multiplier, inverse,
                        Hashing.below(hash >>> 32, TableVocabulary.COMBINATIONS)));
            }
        }
        return generated;
    }

    private static int coprime(int candidate) {
        int value = candidate;
        while (BigInteger.valueOf(value).gcd(BigInteger.valueOf(TableVocabulary.COMBINATIONS)).intValue() != 1) {
            value = value % (TableVocabulary.COMBINATIONS - 1) + 1;
        }
        return value;
    }

    /** Seed-drawn weights: even ones in [0.3, 2), or log-normal ones in [0.25, 4] around 1. */
    private double[] weights(int count, long salt, boolean logNormal) {
        double[] weights = new double[count];
        for (int i = 0; i < count; i++) {
            weights[i] = logNormal ? Shares.logNormalWeight(seed, salt, i)
                    : Shares.evenWeight(Math.max(Hashing.unit(Hashing.hash(seed, salt, 2L * i)), 1e-12));
        }
        return weights;
    }

}
