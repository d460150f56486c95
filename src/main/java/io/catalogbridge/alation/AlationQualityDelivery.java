package io.catalogbridge.alation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.catalogbridge.quality.QualityBatch;
import io.catalogbridge.quality.QualityDeliveries.ClaimedDelivery;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Alation's delivery of a tenant's quality batch (routes/alation/quality-delivery.camel.yaml) as Data Quality fields
 * and values: which table each result belongs to, the object keys, the calls (at most 1,000 values each), and what
 * a call's bulk job says about each value.
 *
 * <ul>
 *   <li>A result is the value of the field {@code <field-key-prefix><rule_key>} on its table ({@code TABLE}, the
 *       table's {@code key} as Alation gave it) or on its column ({@code ATTRIBUTE}, {@code <table key>.<column>},
 *       the column quoted the way Alation quotes a part). A removal deletes that value.</li>
 *   <li>An asset no longer mapped fails "not mapped"; a table Alation no longer has when its key is looked up fails
 *       too. A value Alation could not resolve ({@code failure_sample} of a "successful" job) fails with its key.</li>
 *   <li>When Alation failed more values than it sampled, the unsampled failures cannot be told from the values it
 *       took: those are left without a verdict, so the core retries them (posting a value again is safe); each round
 *       names at least a sample's worth of the failures, so they are all found in a few rounds.</li>
 * </ul>
 */
@Component("alationQualityDelivery")
public class AlationQualityDelivery {

    /** The most values one data-quality call carries (what Alation's SDK sends). */
    static final int MAX_VALUES_PER_CALL = 1000;

    static final String PLAN = "alationQualityPlan";
    static final String CALL = "alationQualityCall";

    private final ObjectMapper objectMapper;
    private final String fieldKeyPrefix;
    private final Duration jobPollInterval;
    private final Duration jobTimeout;

    public AlationQualityDelivery(ObjectMapper objectMapper,
            @Value("${catalog-bridge.alation.quality.field-key-prefix:catalog_bridge.}") String fieldKeyPrefix,
            @Value("${catalog-bridge.alation.quality.job-poll-interval:1s}") Duration jobPollInterval,
            @Value("${catalog-bridge.alation.quality.job-timeout:10m}") Duration jobTimeout) {
        this.objectMapper = objectMapper;
        this.fieldKeyPrefix = fieldKeyPrefix;
        this.jobPollInterval = jobPollInterval;
        this.jobTimeout = jobTimeout;
    }

    /** The table an asset is mapped to: its id and, once known, its object key. */
    public static final class MappedTable {
        final long tableId;
        String key;

        MappedTable(long tableId, String key) {
            this.tableId = tableId;
            this.key = key;
        }
    }

    /** A batch on its way: the mapped tables of its assets, and the deliveries still to make. */
    public static final class Plan {
        final QualityBatch batch;
        final Map<String, MappedTable> tables = new HashMap<>();
        final List<ClaimedDelivery> pending = new ArrayList<>();
        final List<Long> tablesLookedUp = new ArrayList<>();

        Plan(QualityBatch batch) {
            this.batch = batch;
        }

        /** The ids of the mapped tables whose key the bridge does not know yet. */
        public List<Long> getMissingKeys() {
            return tables.values().stream().filter(t -> t.key == null).map(t -> t.tableId).distinct().toList();
        }

        public QualityBatch getBatch() {
            return batch;
        }
    }

    /** One data-quality call: its method and body, and which delivery each of its values is. */
    public static final class Call {
        final String method;
        final String body;
        final Map<String, List<ClaimedDelivery>> byValueKey;
        final Plan plan;
        long jobId;
        long startedAt;
        JsonNode result;

        Call(Plan plan, String method, String body, Map<String, List<ClaimedDelivery>> byValueKey) {
            this.plan = plan;
            this.method = method;
            this.body = body;
            this.byValueKey = byValueKey;
        }

        /** The delivery is done: where the value now is (its table's id), or, for a removal, nowhere. */
        void delivered(QualityBatch batch, ClaimedDelivery delivery) {
            batch.delivered(delivery, Long.toString(plan.tables.get(delivery.assetId()).tableId));
        }

        public String getMethod() {
            return method;
        }

        public String getBody() {
            return body;
        }
    }

    /** Joins the batch to its mappings (rows of asset_id, table_id, table_key); an unmapped asset fails. */
    public Plan plan(QualityBatch batch, List<Map<String, Object>> mappingRows) {
        Plan plan = new Plan(batch);
        Map<Long, MappedTable> byId = new HashMap<>();
        for (Map<String, Object> row : mappingRows) {
            long tableId = ((Number) row.get("table_id")).longValue();
            MappedTable table = byId.computeIfAbsent(tableId, id -> new MappedTable(id, (String) row.get("table_key")));
            plan.tables.put((String) row.get("asset_id"), table);
        }
        for (ClaimedDelivery delivery : batch.deliveries()) {
            if (!plan.tables.containsKey(delivery.assetId())) {
                batch.unmapped(delivery);
            } else if (!delivery.removal() && delivery.value() == null) {
                // Alation refuses a whole call for one value that is not a scalar
                batch.failed(delivery, "Alation needs a value: the result has none");
            } else {
                plan.pending.add(delivery);
            }
        }
        return plan;
    }

    /** The filter that asks Alation for one table, to learn its key. */
    public Map<String, Object> tableFilter(long tableId) {
        return Map.of("id", tableId);
    }

    /** What the lookup of one table found: its key, or (no table) the failure of its deliveries. */
    public void keyFound(Plan plan, long tableId, List<AlationTable> found) {
        String key = found == null ? null : found.stream().filter(t -> t.id() != null && t.id() == tableId)
                .map(AlationTable::key).filter(k -> k != null && !k.isBlank()).findFirst().orElse(null);
        plan.tables.values().stream().filter(t -> t.tableId == tableId).forEach(t -> t.key = key);
        if (key != null) {
            plan.tablesLookedUp.add(tableId);
            return;
        }
        for (var it = plan.pending.iterator(); it.hasNext(); ) {
            ClaimedDelivery delivery = it.next();
            if (plan.tables.get(delivery.assetId()).tableId == tableId) {
                plan.batch.failed(delivery, "Alation has no table " + tableId + " (or answers it without a key)"
                        + " any more: map the asset again");
                it.remove();
            }
        }
    }

    /** The keys looked up, to be kept in the tenant's mappings (sql/alation-mapping-set-key.sql). */
    public Map<String, Object> keyRows(Plan plan) {
        List<String> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (long tableId : plan.tablesLookedUp) {
            ids.add(Long.toString(tableId));
            keys.add(plan.tables.values().stream().filter(t -> t.tableId == tableId).findFirst().orElseThrow().key);
        }
        return Map.of("tenant_id", plan.batch.tenant(), "table_id", ids.toArray(String[]::new),
                "table_key", keys.toArray(String[]::new));
    }

    /** Whether some keys were looked up (and are to be kept). */
    public boolean hasKeysToKeep(Plan plan) {
        return !plan.tablesLookedUp.isEmpty();
    }

    /** The calls that deliver the plan: upserts, then deletes, at most 1,000 values each. */
    public List<Call> calls(Plan plan) {
        List<ClaimedDelivery> upserts = plan.pending.stream().filter(d -> !d.removal()).toList();
        List<ClaimedDelivery> removals = plan.pending.stream().filter(ClaimedDelivery::removal).toList();
        List<Call> calls = new ArrayList<>();
        for (int from = 0; from < upserts.size(); from += MAX_VALUES_PER_CALL) {
            calls.add(upsert(plan, upserts.subList(from, Math.min(upserts.size(), from + MAX_VALUES_PER_CALL))));
        }
        for (int from = 0; from < removals.size(); from += MAX_VALUES_PER_CALL) {
            calls.add(delete(plan, removals.subList(from, Math.min(removals.size(), from + MAX_VALUES_PER_CALL))));
        }
        return calls;
    }

    private Call upsert(Plan plan, List<ClaimedDelivery> deliveries) {
        ObjectNode body = objectMapper.createObjectNode();
        ArrayNode fields = body.putArray("fields");
        ArrayNode values = body.putArray("values");
        Set<String> fieldKeys = new LinkedHashSet<>();
        Map<String, List<ClaimedDelivery>> byValueKey = new LinkedHashMap<>();
        for (ClaimedDelivery delivery : deliveries) {
            String fieldKey = fieldKey(delivery);
            String objectKey = objectKey(plan, delivery);
            if (fieldKeys.add(fieldKey)) {
                ObjectNode field = fields.addObject().put("field_key", fieldKey)
                        .put("name", delivery.ruleName() == null ? delivery.ruleKey() : delivery.ruleName())
                        .put("type", delivery.valueType());
                if (delivery.ruleDescription() != null) {
                    field.put("description", delivery.ruleDescription());
                }
            }
            ObjectNode value = values.addObject().put("field_key", fieldKey).put("object_key", objectKey)
                    .put("object_type", delivery.column() == null ? "TABLE" : "ATTRIBUTE")
                    .put("status", delivery.status());
            value.set("value", objectMapper.valueToTree(delivery.value()));
            if (delivery.url() != null) {
                value.put("url", delivery.url());
            }
            if (delivery.measuredAt() != null) {
                value.put("last_updated", delivery.measuredAt().toString());
            }
            byValueKey.computeIfAbsent(valueKey(fieldKey, objectKey), k -> new ArrayList<>()).add(delivery);
        }
        return new Call(plan, "POST", write(body), byValueKey);
    }

    private Call delete(Plan plan, List<ClaimedDelivery> deliveries) {
        ObjectNode body = objectMapper.createObjectNode();
        ArrayNode values = body.putArray("values");
        Map<String, List<ClaimedDelivery>> byValueKey = new LinkedHashMap<>();
        for (ClaimedDelivery delivery : deliveries) {
            String fieldKey = fieldKey(delivery);
            String objectKey = objectKey(plan, delivery);
            values.addObject().put("field_key", fieldKey).put("object_key", objectKey);
            byValueKey.computeIfAbsent(valueKey(fieldKey, objectKey), k -> new ArrayList<>()).add(delivery);
        }
        return new Call(plan, "DELETE", write(body), byValueKey);
    }

    String fieldKey(ClaimedDelivery delivery) {
        return fieldKeyPrefix + delivery.ruleKey();
    }

    private static String objectKey(Plan plan, ClaimedDelivery delivery) {
        String tableKey = plan.tables.get(delivery.assetId()).key;
        return delivery.column() == null ? tableKey : tableKey + "." + quotePart(delivery.column());
    }

    /** A key part as Alation writes it: double-quoted when it holds a dot or a quote, an inner quote doubled. */
    static String quotePart(String part) {
        if (part.indexOf('.') < 0 && part.indexOf('"') < 0) {
            return part;
        }
        return '"' + part.replace("\"", "\"\"") + '"';
    }

    // Alation compares object keys ignoring case, and answers a failure's key as posted
    private static String valueKey(String fieldKey, String objectKey) {
        return fieldKey + "\n" + objectKey.toLowerCase(Locale.ROOT);
    }

    /** Sets up a call's request (alation-send): its URL, method and body. */
    public void prepareCall(Exchange exchange, Call call) {
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        exchange.setProperty(AlationCalls.REQUEST_URL, connection.url() + "/integration/v1/data_quality/");
        exchange.setProperty(AlationCalls.REQUEST_METHOD, call.method);
        exchange.setProperty(AlationCalls.REQUEST_BODY, call.body);
    }

    /** Reads the job Alation started for the call (202 {"job_id", "href"}) and sets up its first poll. */
    public void jobStarted(Exchange exchange, Call call) {
        JsonNode answer = read(exchange.getMessage().getBody(byte[].class), "POST /integration/v1/data_quality/");
        if (!answer.path("job_id").canConvertToLong()) {
            throw new AlationProblems.AlationBadResponse("Alation answered " + call.method
                    + " /integration/v1/data_quality/ without a job_id: " + answer);
        }
        call.jobId = answer.path("job_id").asLong();
        call.startedAt = System.nanoTime();
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        exchange.setProperty(AlationCalls.REQUEST_URL, connection.url() + "/api/v1/bulk_metadata/job/");
        exchange.setProperty(AlationCalls.REQUEST_QUERY, "id=" + call.jobId);
    }

    /** The wait between two polls of a job, in milliseconds. */
    public long jobPollMillis() {
        return jobPollInterval.toMillis();
    }

    /**
     * Whether the job still runs after this poll's answer. Any status but "successful" and "failed" counts as
     * running (Alation's SDK knows "partially_successful", which is no end), until {@code job-timeout}; a failed job,
     * or one that outlived the timeout, throws, and the core retries the batch.
     */
    public boolean jobRunning(Exchange exchange, Call call) {
        JsonNode answer = read(exchange.getMessage().getBody(byte[].class), "GET /api/v1/bulk_metadata/job/");
        String status = answer.path("status").asText("");
        if (status.equals("successful")) {
            call.result = answer.path("result");
            return false;
        }
        if (status.equals("failed")) {
            throw new AlationProblems.AlationBadResponse("Alation's bulk job " + call.jobId + " of " + call.method
                    + " /integration/v1/data_quality/ failed: " + answer.path("msg").asText("no message"));
        }
        if (System.nanoTime() - call.startedAt > jobTimeout.toNanos()) {
            throw new AlationProblems.AlationBadResponse("Alation's bulk job " + call.jobId + " still answers '"
                    + status + "' after " + jobTimeout + "; the batch is tried again");
        }
        return true;
    }

    /** After a successful job: the values Alation could not resolve fail, the others are delivered (see above). */
    public void judge(QualityBatch batch, Call call) {
        JsonNode attribution = call.result == null ? null : call.result.path("created_object_attribution");
        if (call.method.equals("DELETE") || attribution == null || attribution.isMissingNode()) {
            // a delete never fails for what is missing
            call.byValueKey.values().forEach(list -> list.forEach(d -> call.delivered(batch, d)));
            return;
        }
        Set<String> failedKeys = new LinkedHashSet<>();
        Map<String, String> postedKey = new HashMap<>();
        for (JsonNode failure : attribution.path("failure_sample")) {
            String objectKey = failure.path("object_key").asText();
            String key = valueKey(failure.path("field_key").asText(), objectKey);
            failedKeys.add(key);
            postedKey.put(key, objectKey);
        }
        boolean allSampled = attribution.path("failure_count").asLong(0) <= failedKeys.size();
        call.byValueKey.forEach((key, deliveries) -> {
            if (failedKeys.contains(key)) {
                deliveries.forEach(d -> batch.failed(d, "Alation could not resolve object key " + postedKey.get(key)
                        + ": the table is no longer in Alation, or its key changed"));
            } else if (allSampled) {
                deliveries.forEach(d -> call.delivered(batch, d));
            }
            // else: maybe one of the unsampled failures; no verdict, so the core tries it again
        });
    }

    private JsonNode read(byte[] body, String call) {
        try {
            return objectMapper.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw new AlationProblems.AlationBadResponse("Alation answered " + call + " with something that is not"
                    + " JSON: " + e.getMessage());
        }
    }

    private String write(JsonNode body) {
        try {
            return objectMapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
