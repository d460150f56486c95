import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.catalogbridge.alation.simulator.SimulatedCatalog;
import io.catalogbridge.alation.simulator.SimulatedDataSource;
import io.catalogbridge.alation.simulator.SimulatedSchema;
import io.catalogbridge.alation.simulator.SimulatedTable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Benchmark-only tools (never shipped): {@code draw} draws the assets of a benchmark from the simulator's catalog with
 * their expected outcome, computed here from the catalog's truth and design.md's rules (not by the service's matcher);
 * {@code floor} is the floor: a minimal client (JDK HttpClient + Jackson streaming) that only fetches and parses the
 * pages the job needs from the same simulator.
 */
public final class BenchTool {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "draw" -> draw(Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4],
                    Path.of(args[5]));
            case "floor" -> floor(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("draw | floor");
        }
    }

    // ------------------------------------------------------------------------------------------------ draw

    /** An asset as the platform registers it (the fields of the assets' {@code PUT}); null fields are left out. */
    interface DrawnAsset {
        String assetId();

        String type();

        String host();

        Integer port();

        String database();

        String schema();

        String table();
    }

    record Drawn(String assetId, String type, String host, Integer port, String database, String schema, String table,
            String intended, long drawnTableId) implements DrawnAsset {
    }

    static String fold(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static final class Truth {
        final SimulatedCatalog catalog;
        /** folded schema_name + \u0001 + folded table name -> table ids. */
        final Map<String, long[]> index = new HashMap<>(1 << 21);

        Truth(SimulatedCatalog catalog) {
            this.catalog = catalog;
            catalog.tables().forEach(t -> {
                String key = fold(t.schemaName()) + '\u0001' + fold(t.name());
                long[] old = index.get(key);
                long[] now;
                if (old == null) {
                    now = new long[] {t.id()};
                } else {
                    now = java.util.Arrays.copyOf(old, old.length + 1);
                    now[old.length] = t.id();
                }
                index.put(key, now);
            });
        }

        /** Rule 1 b/d as design.md states it: compare only what both sides know, default port when one has none. */
        List<Long> sources(Drawn a) {
            List<Long> all = new ArrayList<>();
            List<Long> connected = new ArrayList<>();
            boolean anyConnection = a.type() != null || a.host() != null || a.port() != null || a.database() != null;
            for (SimulatedDataSource ds : catalog.dataSources()) {
                all.add(ds.id());
                if (!anyConnection) {
                    continue;
                }
                if (a.type() != null && !a.type().equalsIgnoreCase(ds.dbType().alationName())) {
                    continue;
                }
                if (a.host() != null && !a.host().equalsIgnoreCase(ds.host())) {
                    continue;
                }
                // a side without a port listens on its type's default port (design.md, rule 1 b)
                int port = a.port() != null ? a.port() : ds.dbType().defaultPort();
                if (port != ds.port()) {
                    continue;
                }
                if (a.database() != null && !a.database().equalsIgnoreCase(ds.dbName())) {
                    continue;
                }
                connected.add(ds.id());
            }
            return connected.isEmpty() ? all : connected;
        }

        List<String> spellings(Drawn a) {
            return a.database() == null ? List.of(a.schema()) : List.of(a.schema(), a.database() + "." + a.schema());
        }

        /** Rules 2-4: MAPPED (with the table), AMBIGUOUS or UNMATCHED. */
        Object[] outcome(Drawn a) {
            Set<Long> sources = new TreeSet<>(sources(a));
            Set<Long> candidates = new TreeSet<>();
            for (String spelling : spellings(a)) {
                long[] ids = index.get(fold(spelling) + '\u0001' + fold(a.table()));
                if (ids != null) {
                    for (long id : ids) {
                        if (sources.contains(catalog.table(id).orElseThrow().dsId())) {
                            candidates.add(id);
                        }
                    }
                }
            }
            List<Long> exact = new ArrayList<>();
            for (long id : candidates) {
                SimulatedTable t = catalog.table(id).orElseThrow();
                if (t.name().equals(a.table()) && spellings(a).contains(t.schemaName())) {
                    exact.add(id);
                }
            }
            List<Long> chosen = candidates.size() > 1 && !exact.isEmpty() ? exact : new ArrayList<>(candidates);
            if (chosen.isEmpty()) {
                return new Object[] {"UNMATCHED", null};
            }
            return chosen.size() == 1 ? new Object[] {"MAPPED", chosen.get(0)} : new Object[] {"AMBIGUOUS", null};
        }
    }

    /**
     * full: N assets over the whole catalog, 80% by full connection (should map), 10% ambiguous (half with only
     * type + database, which a prod source and its staging clone share; half with only schema + table), 10% with a
     * made-up table name (unmatched). targeted: the same mix, all in 10 schemas. mapped: N assets over the whole
     * catalog, all by full connection (each should map to its drawn table; the quality part's assets).
     */
    static void draw(long seed, int tables, int n, String mode, Path out) throws IOException {
        long started = System.nanoTime();
        SimulatedCatalog catalog = new SimulatedCatalog(seed, tables);
        Truth truth = new Truth(catalog);
        Random random = new Random(seed * 31 + n + mode.hashCode());
        List<SimulatedSchema> schemas = new ArrayList<>(catalog.schemas());
        List<SimulatedSchema> pool;
        if (mode.equals("targeted")) {
            java.util.Collections.shuffle(schemas, random);
            pool = new ArrayList<>(schemas.subList(0, 10));
        } else {
            pool = schemas;
        }
        boolean allMapped = mode.equals("mapped");
        int wantAmbiguous = allMapped ? 0 : n / 10;
        int wantUnmatched = allMapped ? 0 : n / 10;
        int wantMapped = n - wantAmbiguous - wantUnmatched;
        List<Drawn> assets = new ArrayList<>(n);
        Map<String, Integer> got = new TreeMap<>(Map.of("MAPPED", 0, "AMBIGUOUS", 0, "UNMATCHED", 0));
        Map<String, Long> expectedTable = new HashMap<>();
        Map<String, String> expectedOutcome = new LinkedHashMap<>();
        Set<Long> usedTables = new java.util.HashSet<>();
        int attempts = 0;
        while (assets.size() < n) {
            if (++attempts > 50 * n) {
                throw new IllegalStateException("could not draw " + n + " assets: " + got);
            }
            SimulatedSchema schema = pool.get(random.nextInt(pool.size()));
            long tableId = schema.firstTableId() + random.nextInt(schema.tableCount());
            SimulatedTable table = catalog.table(tableId).orElseThrow();
            SimulatedDataSource ds = catalog.dataSource(schema.dsId()).orElseThrow();
            String type = ds.dbType().alationName();
            // a multipart schema in the source's own database is given as database + schema, as a platform would
            boolean split = schema.isMultipart() && schema.database().equalsIgnoreCase(ds.dbName());
            String schemaName = split ? schema.schema() : schema.name();
            String id = "a" + String.format("%07d", assets.size());
            String kind;
            if (got.get("MAPPED") < wantMapped) {
                kind = "MAPPED";
            } else if (got.get("AMBIGUOUS") < wantAmbiguous) {
                kind = "AMBIGUOUS";
            } else {
                kind = "UNMATCHED";
            }
            Drawn a = switch (kind) {
                case "MAPPED" -> new Drawn(id, type, ds.host(), ds.port(), ds.dbName(), schemaName, table.name(), kind,
                        tableId);
                case "AMBIGUOUS" -> random.nextBoolean() || mode.equals("targeted")
                        ? new Drawn(id, type, null, null, ds.dbName(), schemaName, table.name(), kind, tableId)
                        : new Drawn(id, null, null, null, null, schema.name(), table.name(), kind, tableId);
                default -> new Drawn(id, type, ds.host(), ds.port(), ds.dbName(), schemaName,
                        "zz_bench_missing_" + assets.size(), kind, 0);
            };
            if (!kind.equals("UNMATCHED") && !usedTables.add(tableId * 2 + (kind.equals("MAPPED") ? 0 : 1))) {
                continue;
            }
            Object[] outcome = truth.outcome(a);
            if (!outcome[0].equals(kind)) {
                continue; // drawn for one outcome, the rules give another: draw again
            }
            if (kind.equals("MAPPED") && (Long) outcome[1] != tableId) {
                continue; // a case twin of the drawn table would be chosen: keep the draw unequivocal
            }
            assets.add(a);
            got.merge(kind, 1, Integer::sum);
            expectedOutcome.put(id, kind);
            if (kind.equals("MAPPED")) {
                expectedTable.put(id, tableId);
            }
        }
        JsonFactory json = new JsonFactory();
        writeDrawn(out, assets, expectedOutcome, expectedTable, json);
        // the listings a targeted plan needs, computed here: per data source and schema spelling an asset may be under
        Map<String, Map<String, Object>> queries = new TreeMap<>();
        Map<String, Set<String>> namesByQuery = new HashMap<>();
        for (Drawn a : assets) {
            for (long dsId : truth.sources(a)) {
                for (String spelling : truth.spellings(a)) {
                    String key = dsId + "\u0001" + fold(spelling);
                    queries.computeIfAbsent(key, k -> {
                        Map<String, Object> q = new LinkedHashMap<>();
                        q.put("ds_id", dsId);
                        q.put("schema_name__iexact", spelling);
                        return q;
                    });
                    namesByQuery.computeIfAbsent(key, k -> new TreeSet<>()).add(fold(a.table()));
                }
            }
        }
        try (JsonGenerator g = json.createGenerator(out.resolve("targeted-queries.json").toFile(), JsonEncoding.UTF8)) {
            g.writeStartArray();
            for (var e : queries.entrySet()) {
                g.writeStartObject();
                for (var f : e.getValue().entrySet()) {
                    g.writeStringField(f.getKey(), String.valueOf(f.getValue()));
                }
                Set<String> names = namesByQuery.get(e.getKey());
                if (names.size() == 1) {
                    g.writeStringField("name__iexact", names.iterator().next());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        try (JsonGenerator g = json.createGenerator(out.resolve("truth.json").toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("assets", assets.size());
            g.writeNumberField("mapped", got.get("MAPPED"));
            g.writeNumberField("ambiguous", got.get("AMBIGUOUS"));
            g.writeNumberField("unmatched", got.get("UNMATCHED"));
            g.writeNumberField("targeted_queries", queries.size());
            g.writeNumberField("draw_seconds", (System.nanoTime() - started) / 1e9);
            g.writeEndObject();
        }
        System.out.println("drew " + got + " in " + (System.nanoTime() - started) / 1_000_000 + " ms; targeted queries "
                + queries.size());
    }

    /**
     * Writes what a draw drew: the assets in files of 10,000 ({@code assets-NNN.json}, as the assets' {@code PUT}
     * takes them) and each one's expected outcome ({@code expected.tsv}: asset id, outcome, the table's id if MAPPED).
     */
    static void writeDrawn(Path out, List<? extends DrawnAsset> assets, Map<String, String> expectedOutcome,
            Map<String, ?> expectedTable, JsonFactory json) throws IOException {
        Files.createDirectories(out);
        int chunk = 10_000;
        for (int from = 0, file = 0; from < assets.size(); from += chunk, file++) {
            try (JsonGenerator g = json.createGenerator(out.resolve(String.format("assets-%03d.json", file)).toFile(),
                    JsonEncoding.UTF8)) {
                g.writeStartArray();
                for (DrawnAsset a : assets.subList(from, Math.min(assets.size(), from + chunk))) {
                    g.writeStartObject();
                    g.writeStringField("asset_id", a.assetId());
                    if (a.type() != null) {
                        g.writeStringField("data_source_type", a.type());
                    }
                    if (a.host() != null) {
                        g.writeStringField("host", a.host());
                    }
                    if (a.port() != null) {
                        g.writeNumberField("port", a.port());
                    }
                    if (a.database() != null) {
                        g.writeStringField("database", a.database());
                    }
                    g.writeStringField("schema", a.schema());
                    g.writeStringField("table", a.table());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("expected.tsv")))) {
            expectedOutcome.forEach((id, kind) -> w.println(id + "\t" + kind + "\t"
                    + (expectedTable.containsKey(id) ? expectedTable.get(id) : "")));
        }
    }

    // ------------------------------------------------------------------------------------------------ floor

    static final class Counting extends FilterInputStream {
        long bytes;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                bytes += n;
            }
            return n;
        }
    }

    /**
     * Reads what the job reads: a token, both data source listings, then every table page of the plan ("full": the
     * whole catalog; a file: those filters), 1,000 a page, following X-Next-Page; each page parsed with Jackson's
     * streaming parser down to the fields the matcher uses. Prints one JSON line per timed pass.
     */
    static void floor(String base, String plan, Path queriesFile, int warmups, int runs) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        JsonFactory json = new JsonFactory();
        List<Map<String, String>> queries = new ArrayList<>();
        if (plan.equals("full")) {
            queries.add(Map.of());
        } else {
            try (JsonParser p = json.createParser(queriesFile.toFile())) {
                p.nextToken();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> q = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        q.put(name, p.getText());
                    }
                    queries.add(q);
                }
            }
        }
        for (int run = -warmups; run < runs; run++) {
            long started = System.nanoTime();
            long[] counters = new long[3]; // requests, bytes, tables
            HttpRequest tokenRequest = HttpRequest.newBuilder(URI.create(base + "/integration/v1/createAPIAccessToken/"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"demo-refresh-token\",\"user_id\":1}"))
                    .build();
            String token = null;
            try (JsonParser p = json.createParser(client.send(tokenRequest, HttpResponse.BodyHandlers.ofInputStream())
                    .body())) {
                while (p.nextToken() != null) {
                    if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("api_access_token")) {
                        p.nextToken();
                        token = p.getText();
                    }
                }
            }
            counters[0]++;
            for (String path : List.of("/integration/v1/datasource/", "/integration/v2/datasource/")) {
                list(client, json, base, path + "?limit=1000&skip=0", token, counters, false);
            }
            long tables = 0;
            for (Map<String, String> q : queries) {
                StringBuilder query = new StringBuilder();
                q.forEach((k, v) -> query.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                        .append('&'));
                query.append("limit=1000&skip=0");
                tables += list(client, json, base, "/integration/v2/table/?" + query, token, counters, true);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (run >= 0) {
                System.out.printf(Locale.ROOT,
                        "{\"floor_seconds\": %.3f, \"requests\": %d, \"bytes\": %d, \"tables\": %d}%n", seconds,
                        counters[0], counters[1], tables);
            } else {
                System.err.printf(Locale.ROOT, "floor warm-up: %.3f s, %d tables%n", seconds, tables);
            }
        }
    }

    private static long list(HttpClient client, JsonFactory json, String base, String first, String token,
            long[] counters, boolean tables) throws Exception {
        String next = first;
        long objects = 0;
        long checksum = 0;
        while (next != null) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + next)).header("TOKEN", token)
                    .header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            counters[0]++;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(next + " answered " + response.statusCode());
            }
            long onPage = 0;
            try (Counting in = new Counting(response.body()); JsonParser p = json.createParser(in)) {
                // the fields the matcher needs from each table: id, name, ds_id, schema_id, schema_name
                p.nextToken();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    onPage++;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken value = p.nextToken();
                        switch (field) {
                            case "id", "ds_id", "schema_id" -> checksum += p.getLongValue();
                            case "name", "schema_name" -> checksum += p.getText().length();
                            default -> p.skipChildren();
                        }
                        if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
                            p.skipChildren();
                        }
                    }
                }
                while (in.read() >= 0) {
                    // drain, so that the connection is reused
                }
                counters[1] += in.bytes;
            }
            objects += onPage;
            String link = response.headers().firstValue("X-Next-Page").orElse(null);
            next = link == null || link.isBlank() || onPage == 0 ? null : link;
        }
        if (checksum == 42) {
            System.err.print(""); // keep the parse from being optimised away
        }
        return tables ? objects : 0;
    }
}
