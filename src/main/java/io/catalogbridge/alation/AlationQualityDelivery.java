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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 *   <li>A result follows its asset: when the catalog holds its copy on another table than the asset's (the
 *       delivery's {@code deliveredTo}, a table id), the value there is deleted first (its key looked up by id when
 *       no mapping knows it; a table Alation no longer has holds nothing to delete), then posted on the asset's
 *       table. An asset no longer mapped has its copy deleted and ends NOT_MAPPED. A removal deletes the value where
 *       the catalog holds it ({@code deliveredTo}, else the asset's table; nowhere: done). Deletes come before
 *       upserts, so that a value posted on a table another asset leaves is not deleted after.</li>
 *   <li>A table Alation no longer has when its key is looked up fails the results meant for it. A value Alation
 *       could not resolve ({@code failure_sample} of a "successful" job) fails with its key.</li>
 *   <li>When Alation failed more values than it sampled, the unsampled failures cannot be told from the values it
 *       took: those are left without a verdict, so the core retries them (posting a value again is safe); each round
 *       names at least a sample's worth of the failures, so they are all found in a few rounds.</li>
 * </ul>
 * Trust flags and the rich-text summary follow the values: {@link AlationQualityMarks}.
 */
@Component("alationQualityDelivery")
public class AlationQualityDelivery {

    /** The most values one data-quality call carries (what Alation's SDK sends). */
    static final int MAX_VALUES_PER_CALL = 1000;

    private static final Logger log = LoggerFactory.getLogger(AlationQualityDelivery.class);

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

    /** What one delivery asks of one table: its value posted there, or deleted there. */
    enum Kind {
        UPSERT, DELETE
    }

    /**
     * One value to post or delete on one table for a delivery. {@code last}: its completion is the delivery's
     * verdict (a move's delete at the old table is not: the upsert at the new one is).
     */
    static final class Op {
        final ClaimedDelivery delivery;
        final MappedTable table;
        final Kind kind;
        final boolean last;

        Op(ClaimedDelivery delivery, MappedTable table, Kind kind, boolean last) {
            this.delivery = delivery;
            this.table = table;
            this.kind = kind;
            this.last = last;
        }

        /** The delivery is done: its value is on the table, or (a delete) the catalog holds no copy any more. */
        void done(QualityBatch batch) {
            if (!last) {
                return;
            }
            if (kind == Kind.UPSERT) {
                batch.delivered(delivery, Long.toString(table.tableId));
            } else if (delivery.removal()) {
                batch.delivered(delivery, null);
            } else {
                batch.unmapped(delivery);
            }
        }
    }

    /**
     * A batch on its way: the tables of its assets (by asset the one it is mapped to now; by id every table a value
     * is posted on or deleted from, old ones included), and the values still to post or delete.
     */
    public static final class Plan {
        final QualityBatch batch;
        final Map<String, MappedTable> tables = new HashMap<>();
        final Map<Long, MappedTable> tablesById = new HashMap<>();
        final List<Op> pending = new ArrayList<>();
        final List<Long> tablesLookedUp = new ArrayList<>();
        final Set<Long> tablesAlationLacks = new LinkedHashSet<>();

        Plan(QualityBatch batch) {
            this.batch = batch;
        }

        /** The ids of the tables (mapped, or holding a copy to delete) whose key the bridge does not know yet. */
        public List<Long> getMissingKeys() {
            return tablesById.values().stream().filter(t -> t.key == null).map(t -> t.tableId).distinct().toList();
        }

        /** The table the asset is mapped to now, and Alation has; null when none. */
        Long currentTable(String assetId) {
            MappedTable table = tables.get(assetId);
            return table == null || tablesAlationLacks.contains(table.tableId) ? null : table.tableId;
        }

        MappedTable table(long tableId) {
            return tablesById.computeIfAbsent(tableId, id -> new MappedTable(id, null));
        }

        public QualityBatch getBatch() {
            return batch;
        }
    }

    /**
     * A write Alation answers with a bulk job (202 {@code {"job_id"}}): its method, path and body, and the job being
     * followed. {@code followsNamedJob}: the job's result may name a second job that does the work (cloud-native
     * custom-field writes), which is followed too.
     */
    public static class JobCall {
        final String method;
        final String path;
        final String body;
        final boolean followsNamedJob;
        long jobId;
        long startedAt;
        boolean followingNamedJob;
        JsonNode result;

        JobCall(String method, String path, String body, boolean followsNamedJob) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.followsNamedJob = followsNamedJob;
        }

        public String getMethod() {
            return method;
        }

        public String getBody() {
            return body;
        }

        String name() {
            return method + " " + path;
        }
    }

    /** One data-quality call: its method and body, and which delivery's value each of its values is. */
    public static final class Call extends JobCall {
        final Map<String, List<Op>> byValueKey;
        final Plan plan;

        Call(Plan plan, String method, String body, Map<String, List<Op>> byValueKey) {
            super(method, DATA_QUALITY_PATH, body, false);
            this.plan = plan;
            this.byValueKey = byValueKey;
        }
    }

    static final String DATA_QUALITY_PATH = "/integration/v1/data_quality/";
    /** What a cloud-native custom-field job's result says before the id of the job that does the write. */
    private static final Pattern NAMED_JOB = Pattern.compile("jobs API\\)?\\s*:\\s*(\\d{1,18})");

    /**
     * Joins the batch to its mappings (rows of asset_id, table_id, table_key) and to where Alation holds each copy
     * ({@code deliveredTo}): what is posted where, and what is deleted where first (see the class comment).
     */
    public Plan plan(QualityBatch batch, List<Map<String, Object>> mappingRows) {
        Plan plan = new Plan(batch);
        for (Map<String, Object> row : mappingRows) {
            MappedTable table = plan.table(((Number) row.get("table_id")).longValue());
            if (table.key == null) {
                table.key = (String) row.get("table_key");
            }
            plan.tables.put((String) row.get("asset_id"), table);
        }
        for (ClaimedDelivery delivery : batch.deliveries()) {
            MappedTable current = plan.tables.get(delivery.assetId());
            Long heldAt = tableId(delivery.deliveredTo());
            MappedTable old = heldAt == null || current != null && current.tableId == heldAt ? null
                    : plan.table(heldAt);
            if (delivery.removal()) {
                MappedTable at = heldAt != null ? plan.table(heldAt) : current;
                if (at == null) {
                    batch.delivered(delivery, null);
                } else {
                    plan.pending.add(new Op(delivery, at, Kind.DELETE, true));
                }
            } else if (current == null) {
                if (old == null) {
                    batch.unmapped(delivery);
                } else {
                    plan.pending.add(new Op(delivery, old, Kind.DELETE, true));
                }
            } else if (delivery.value() == null) {
                // Alation refuses a whole call for one value that is not a scalar
                batch.failed(delivery, "Alation needs a value: the result has none");
            } else {
                if (old != null) {
                    plan.pending.add(new Op(delivery, old, Kind.DELETE, false));
                }
                plan.pending.add(new Op(delivery, current, Kind.UPSERT, true));
            }
        }
        return plan;
    }

    /** A location ({@code deliveredTo}) as the table id it is; null for none, or one that is no id. */
    static Long tableId(String location) {
        if (location == null) {
            return null;
        }
        try {
            return Long.parseLong(location.strip());
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }

    /** The filter that asks Alation for one table, to learn its key. */
    public Map<String, Object> tableFilter(long tableId) {
        return Map.of("id", tableId);
    }

    /** What the lookup of one table found: its key, or (no table) the failure of its deliveries. */
    public void keyFound(Plan plan, long tableId, List<AlationTable> found) {
        String key = found == null ? null : found.stream().filter(t -> t.id() != null && t.id() == tableId)
                .map(AlationTable::key).filter(k -> k != null && !k.isBlank()).findFirst().orElse(null);
        plan.table(tableId).key = key;
        if (key != null) {
            plan.tablesLookedUp.add(tableId);
            return;
        }
        plan.tablesAlationLacks.add(tableId);
        for (var it = plan.pending.iterator(); it.hasNext(); ) {
            Op op = it.next();
            if (op.table.tableId != tableId) {
                continue;
            }
            it.remove();
            if (op.kind == Kind.UPSERT) {
                plan.batch.unknownTable(op.delivery, String.valueOf(tableId), "Alation has no table " + tableId
                        + " (or answers it without a key) any more: map the asset again");
            } else {
                // nothing of it to delete there: done, or on to the upsert at the asset's table
                op.done(plan.batch);
            }
        }
    }

    /** The keys looked up, to be kept in the tenant's mappings (sql/alation-mapping-set-key.sql). */
    public Map<String, Object> keyRows(Plan plan) {
        List<String> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (long tableId : plan.tablesLookedUp) {
            ids.add(Long.toString(tableId));
            keys.add(plan.tablesById.get(tableId).key);
        }
        return Map.of("tenant_id", plan.batch.tenant(), "table_id", ids.toArray(String[]::new),
                "table_key", keys.toArray(String[]::new));
    }

    /** Whether some keys were looked up (and are to be kept). */
    public boolean hasKeysToKeep(Plan plan) {
        return !plan.tablesLookedUp.isEmpty();
    }

    /**
     * The calls that deliver the plan: deletes (removals, and copies leaving a table), then upserts, at most 1,000
     * values each.
     */
    public List<Call> calls(Plan plan) {
        List<Op> deletes = plan.pending.stream().filter(op -> op.kind == Kind.DELETE).toList();
        List<Op> upserts = plan.pending.stream().filter(op -> op.kind == Kind.UPSERT).toList();
        List<Call> calls = new ArrayList<>();
        for (int from = 0; from < deletes.size(); from += MAX_VALUES_PER_CALL) {
            calls.add(delete(plan, deletes.subList(from, Math.min(deletes.size(), from + MAX_VALUES_PER_CALL))));
        }
        for (int from = 0; from < upserts.size(); from += MAX_VALUES_PER_CALL) {
            calls.add(upsert(plan, upserts.subList(from, Math.min(upserts.size(), from + MAX_VALUES_PER_CALL))));
        }
        return calls;
    }

    private Call upsert(Plan plan, List<Op> ops) {
        ObjectNode body = objectMapper.createObjectNode();
        ArrayNode fields = body.putArray("fields");
        ArrayNode values = body.putArray("values");
        Set<String> fieldKeys = new LinkedHashSet<>();
        Map<String, List<Op>> byValueKey = new LinkedHashMap<>();
        for (Op op : ops) {
            ClaimedDelivery delivery = op.delivery;
            String fieldKey = fieldKey(delivery);
            String objectKey = objectKey(op);
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
            byValueKey.computeIfAbsent(valueKey(fieldKey, objectKey), k -> new ArrayList<>()).add(op);
        }
        return new Call(plan, "POST", write(body), byValueKey);
    }

    private Call delete(Plan plan, List<Op> ops) {
        ObjectNode body = objectMapper.createObjectNode();
        ArrayNode values = body.putArray("values");
        Map<String, List<Op>> byValueKey = new LinkedHashMap<>();
        for (Op op : ops) {
            String fieldKey = fieldKey(op.delivery);
            String objectKey = objectKey(op);
            if (!byValueKey.containsKey(valueKey(fieldKey, objectKey))) {
                values.addObject().put("field_key", fieldKey).put("object_key", objectKey);
            }
            byValueKey.computeIfAbsent(valueKey(fieldKey, objectKey), k -> new ArrayList<>()).add(op);
        }
        return new Call(plan, "DELETE", write(body), byValueKey);
    }

    String fieldKey(ClaimedDelivery delivery) {
        return fieldKeyPrefix + delivery.ruleKey();
    }

    private static String objectKey(Op op) {
        String tableKey = op.table.key;
        String column = op.delivery.column();
        return column == null ? tableKey : tableKey + "." + quotePart(column);
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
    public void prepareCall(Exchange exchange, JobCall call) {
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        exchange.setProperty(AlationCalls.REQUEST_URL, connection.url() + call.path);
        exchange.setProperty(AlationCalls.REQUEST_METHOD, call.method);
        exchange.setProperty(AlationCalls.REQUEST_BODY, call.body);
    }

    /** Reads the job Alation started for the call (202 {"job_id", "href"}). */
    public void jobStarted(Exchange exchange, JobCall call) {
        JsonNode answer = read(exchange.getMessage().getBody(byte[].class), call.name());
        if (!answer.path("job_id").canConvertToLong()) {
            throw new AlationProblems.AlationBadResponse("Alation answered " + call.name() + " without a job_id: "
                    + answer);
        }
        call.jobId = answer.path("job_id").asLong();
        call.startedAt = System.nanoTime();
    }

    /** Sets up the next poll of the job the call follows (the first, or the second it named). */
    public void preparePoll(Exchange exchange, JobCall call) {
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
     * or one that outlived the timeout, throws, and the core retries the batch. A call that follows a named job
     * (cloud-native custom-field writes) goes on, when the first job's result names a second ("... (can be tracked
     * using jobs API): 7637"), with that one, which must end "successful" too.
     */
    public boolean jobRunning(Exchange exchange, JobCall call) {
        JsonNode answer = read(exchange.getMessage().getBody(byte[].class), "GET /api/v1/bulk_metadata/job/");
        String status = answer.path("status").asText("");
        if (status.equals("successful")) {
            call.result = answer.path("result");
            if (call.followsNamedJob && !call.followingNamedJob) {
                Matcher named = NAMED_JOB.matcher(call.result.toString());
                log.debug("Bulk job {} of {} ended: {}", call.jobId, call.name(), call.result);
                if (named.find()) {
                    call.followingNamedJob = true;
                    call.jobId = Long.parseLong(named.group(1));
                    call.startedAt = System.nanoTime();
                    return true;
                }
            }
            return false;
        }
        if (status.equals("failed")) {
            throw new AlationProblems.AlationBadResponse("Alation's bulk job " + call.jobId + " of " + call.name()
                    + " failed: " + answer.path("msg").asText("no message"));
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
            call.byValueKey.values().forEach(list -> list.forEach(op -> op.done(batch)));
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
        call.byValueKey.forEach((key, ops) -> {
            if (failedKeys.contains(key)) {
                // a table Alation cannot resolve gets no flag or summary either (it would refuse them)
                ops.stream().filter(op -> op.delivery.column() == null)
                        .forEach(op -> call.plan.tablesAlationLacks.add(op.table.tableId));
                ops.forEach(op -> batch.unknownTable(op.delivery, String.valueOf(op.table.tableId),
                        "Alation could not resolve object key " + postedKey.get(key)
                                + ": the table is no longer in Alation, or its key changed"));
            } else if (allSampled) {
                ops.forEach(op -> op.done(batch));
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
