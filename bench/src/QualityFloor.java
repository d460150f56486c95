import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.catalogbridge.alation.simulator.AlationKeys;
import io.catalogbridge.alation.simulator.SimulatedCatalog;
import io.catalogbridge.alation.simulator.SimulatedTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark-only (never shipped): the floor of the quality part. A fresh JVM with the JDK HttpClient and Jackson that
 * posts the Data Quality calls the service posts for one round of results, to the same Alation simulator, one call at
 * a time, and follows each call's bulk job the way the service does (routes/alation/quality-delivery.camel.yaml,
 * AlationQualityDelivery): wait the job-poll interval, poll, until the job says "successful".
 *
 * <p>The bodies are the service's: {@code {"fields": [{field_key, name, type[, description]}], "values":
 * [{field_key, object_key, object_type, status, value[, url][, last_updated]}]}}, the field key
 * {@code <prefix><rule_key>}, the object key the table's key as Alation lists it ({@code <table key>.<column>} for a
 * column, quoted as Alation quotes a part), the value typed as the service types it (a NUMERIC without a fraction an
 * integer), {@code last_updated} the instant of {@code measured_at}; one value per result, at most 1,000 values a
 * call, in the order posted. The table keys are computed before the timing from the simulated catalog (the
 * simulator's own {@link SimulatedCatalog}, same seed and size) for the table id each asset is mapped to (a file of
 * {@code asset_id<TAB>table_id} lines, from the service's mapping listing).
 *
 * <p>Usage: {@code QualityFloor <simulator url> <seed> <tables> <results.json> <mappings.tsv> <poll millis>
 * [batch size (1000)] [field-key prefix (catalog_bridge.)]}. Prints one JSON line: floor_seconds, dq_calls, polls,
 * bytes_sent (the calls' bodies), values, failures (the jobs' failure_count: 0 when every key resolved).
 */
public final class QualityFloor {

    /** One result as the service sends it, all but its body written already. */
    record Result(String fieldKey, String fieldName, String valueType, String description, String objectKey,
            String objectType, String status, Object value, String url, String lastUpdated) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long seed = Long.parseLong(args[1]);
        int tables = Integer.parseInt(args[2]);
        Path resultsFile = Path.of(args[3]);
        Path mappingsFile = Path.of(args[4]);
        long pollMillis = Long.parseLong(args[5]);
        int batchSize = args.length > 6 ? Integer.parseInt(args[6]) : 1000;
        String prefix = args.length > 7 ? args[7] : "catalog_bridge.";

        // before the timing: the tables' keys, and the results as the service holds them
        long prepareStarted = System.nanoTime();
        Map<String, Long> tableOf = new HashMap<>();
        for (String line : Files.readAllLines(mappingsFile)) {
            if (!line.isBlank()) {
                String[] parts = line.split("\t");
                tableOf.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        SimulatedCatalog catalog = new SimulatedCatalog(seed, tables);
        Map<Long, String> keys = new HashMap<>();
        for (long tableId : tableOf.values()) {
            keys.computeIfAbsent(tableId, id -> catalog.table(id).map(SimulatedTable::key).orElseThrow(
                    () -> new IllegalStateException("the simulated catalog has no table " + id)));
        }
        JsonFactory json = new JsonFactory();
        List<Result> results = readResults(json, resultsFile, tableOf, keys, prefix);
        double prepareSeconds = (System.nanoTime() - prepareStarted) / 1e9;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long started = System.nanoTime();
        String token = token(client, json, base);
        long calls = 0;
        long polls = 0;
        long bytesSent = 0;
        long failures = 0;
        for (int from = 0; from < results.size(); from += batchSize) {
            byte[] body = body(json, results.subList(from, Math.min(results.size(), from + batchSize)));
            bytesSent += body.length;
            HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/integration/v1/data_quality/"))
                    .header("TOKEN", token).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<byte[]> posted = client.send(post, HttpResponse.BodyHandlers.ofByteArray());
            calls++;
            if (posted.statusCode() != 202 && posted.statusCode() != 200) {
                throw new IllegalStateException("POST /integration/v1/data_quality/ answered " + posted.statusCode()
                        + ": " + new String(posted.body()));
            }
            long jobId = jobId(json, posted.body());
            while (true) {
                // as the service: the wait comes before every poll, the first included
                Thread.sleep(pollMillis);
                HttpRequest poll = HttpRequest.newBuilder(URI.create(base + "/api/v1/bulk_metadata/job/?id=" + jobId))
                        .header("TOKEN", token).header("Accept", "application/json").GET().build();
                HttpResponse<byte[]> answer = client.send(poll, HttpResponse.BodyHandlers.ofByteArray());
                polls++;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("job " + jobId + " answered " + answer.statusCode());
                }
                long[] status = jobStatus(json, answer.body());
                if (status[0] == 1) {
                    failures += status[1];
                    break;
                }
                if (status[0] == 2) {
                    throw new IllegalStateException("job " + jobId + " failed: " + new String(answer.body()));
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "{\"floor_seconds\": %.3f, \"dq_calls\": %d, \"polls\": %d, \"bytes_sent\": %d, "
                + "\"values\": %d, \"failures\": %d, \"prepare_seconds\": %.3f}%n", seconds, calls, polls, bytesSent,
                results.size(), failures, prepareSeconds);
    }

    /** The posted results (a JSON array), each with its object key; an asset without a mapping is an error. */
    static List<Result> readResults(JsonFactory json, Path file, Map<String, Long> tableOf, Map<Long, String> keys,
            String prefix) throws IOException {
        List<Result> results = new ArrayList<>();
        try (JsonParser p = json.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException(file + " is no JSON array");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> r = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    r.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
                }
                Long tableId = tableOf.get(r.get("asset_id"));
                if (tableId == null) {
                    throw new IllegalStateException("asset " + r.get("asset_id") + " has no mapping");
                }
                String column = r.get("column");
                String tableKey = keys.get(tableId);
                String valueType = r.get("value_type");
                String measuredAt = r.get("measured_at");
                results.add(new Result(prefix + r.get("rule_key"),
                        r.get("rule_name") == null ? r.get("rule_key") : r.get("rule_name"), valueType,
                        r.get("rule_description"),
                        column == null ? tableKey : tableKey + "." + AlationKeys.quote(column),
                        column == null ? "TABLE" : "ATTRIBUTE", r.get("status"), typed(valueType, r.get("value")),
                        r.get("url"), measuredAt == null ? null : Instant.parse(measuredAt).toString()));
            }
        }
        return results;
    }

    /** A value as the service sends it (QualityResults.typedValue): a NUMERIC without a fraction is an integer. */
    static Object typed(String valueType, String text) {
        if (text == null) {
            return null;
        }
        return switch (valueType) {
            case "NUMERIC" -> {
                BigDecimal d = new BigDecimal(text);
                yield d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? d.toBigIntegerExact() : d;
            }
            case "BOOLEAN" -> Boolean.valueOf(text);
            default -> text;
        };
    }

    /** One call's body: the fields its values use (each once, in first use), then its values. */
    static byte[] body(JsonFactory json, List<Result> batch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * batch.size());
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("fields");
            Map<String, Boolean> fields = new LinkedHashMap<>();
            for (Result r : batch) {
                if (fields.putIfAbsent(r.fieldKey(), true) == null) {
                    g.writeStartObject();
                    g.writeStringField("field_key", r.fieldKey());
                    g.writeStringField("name", r.fieldName());
                    g.writeStringField("type", r.valueType());
                    if (r.description() != null) {
                        g.writeStringField("description", r.description());
                    }
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("values");
            for (Result r : batch) {
                g.writeStartObject();
                g.writeStringField("field_key", r.fieldKey());
                g.writeStringField("object_key", r.objectKey());
                g.writeStringField("object_type", r.objectType());
                g.writeStringField("status", r.status());
                g.writeFieldName("value");
                Object v = r.value();
                if (v instanceof BigDecimal d) {
                    g.writeNumber(d);
                } else if (v instanceof java.math.BigInteger i) {
                    g.writeNumber(i);
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else {
                    g.writeString((String) v);
                }
                if (r.url() != null) {
                    g.writeStringField("url", r.url());
                }
                if (r.lastUpdated() != null) {
                    g.writeStringField("last_updated", r.lastUpdated());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    static String token(HttpClient client, JsonFactory json, String base) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/integration/v1/createAPIAccessToken/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"demo-refresh-token\",\"user_id\":1}"))
                .build();
        try (InputStream in = client.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
                JsonParser p = json.createParser(in)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("api_access_token")) {
                    p.nextToken();
                    return p.getText();
                }
            }
        }
        throw new IllegalStateException("no api_access_token");
    }

    static long jobId(JsonFactory json, byte[] body) throws IOException {
        try (JsonParser p = json.createParser(body)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("job_id")
                        && p.getParsingContext().getParent().inRoot()) {
                    p.nextToken();
                    return p.getLongValue();
                }
            }
        }
        throw new IllegalStateException("no job_id in " + new String(body));
    }

    /** {status (0 running or other, 1 successful, 2 failed), the result's failure_count}. */
    static long[] jobStatus(JsonFactory json, byte[] body) throws IOException {
        long[] out = new long[2];
        try (JsonParser p = json.createParser(body)) {
            while (p.nextToken() != null) {
                if (p.currentToken() != JsonToken.FIELD_NAME) {
                    continue;
                }
                String name = p.currentName();
                if (name.equals("status") && p.getParsingContext().getParent().inRoot()) {
                    p.nextToken();
                    out[0] = switch (p.getText()) {
                        case "successful" -> 1;
                        case "failed" -> 2;
                        default -> 0;
                    };
                } else if (name.equals("failure_count")) {
                    p.nextToken();
                    out[1] += p.getLongValue();
                }
            }
        }
        return out;
    }
}
