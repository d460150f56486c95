package io.catalogbridge.alation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.catalogbridge.alation.AlationQualityDelivery.JobCall;
import io.catalogbridge.alation.AlationQualityDelivery.Plan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * What the bridge puts on an asset's Alation table besides Data Quality values, after a batch's values are delivered
 * (routes/alation/quality-delivery.camel.yaml): a trust flag while one of its results is ALERT, and a rich-text
 * summary of its results. Both follow the asset's mapping, from every one of its results (quality_result, not only
 * the batch's), and what the bridge wrote is recorded per asset in {@code alation_quality_asset}.
 *
 * <ul>
 *   <li><b>Trust flag</b> (the integration's {@code trust_flags}): exactly one WARNING flag on the asset's table
 *       while any of its results is ALERT, its reason naming the alerting rules with their links. When none alerts,
 *       or the asset is unmapped, deleted or moved, the recorded flag is deleted (404: gone already; 403: not the
 *       bridge's user's, forgotten and logged). A reason that must change is a delete and a new flag (Alation has
 *       no update). Creating is not idempotent, so the bridge looks first: a standing WARNING flag of the
 *       integration's user whose reason carries {@link #MARKER} is the bridge's (an earlier POST whose answer was
 *       lost) and is adopted; the POST itself is never repeated on a 5xx, and its id is recorded at once. Only
 *       recorded (or adopted) ids are ever deleted: another user's or tool's flag is left alone.</li>
 *   <li><b>Rich text</b> (the integration's {@code rich_text_field_id}): the field of the asset's table holds an
 *       HTML table of its results (rule with its link, status, value, measured time). It is written only when it
 *       changed (a SHA-256 of the value is recorded), and emptied ("") on the old table when the asset moves away,
 *       is unmapped or deleted, or has no results any more. {@code PUT /integration/v2/custom_field_value/async/},
 *       at most 10,000 objects a call, following the job and the second job a cloud-native Alation names.</li>
 * </ul>
 * A table Alation no longer has (its key lookup found nothing) gets neither.
 */
@Component("alationQualityMarks")
public class AlationQualityMarks {

    /** The text every reason of the bridge's flags begins with: how a flag of an earlier lost POST is known. */
    static final String MARKER = "Catalog Bridge: data quality alerts";
    static final String FLAG_PATH = "/integration/flag/";
    static final String RICH_TEXT_PATH = "/integration/v2/custom_field_value/async/";
    /** The most objects one custom-field call carries (Alation's documented limit). */
    static final int MAX_RICH_TEXT_PER_CALL = 10_000;

    private static final Logger log = LoggerFactory.getLogger(AlationQualityMarks.class);

    private final ObjectMapper objectMapper;

    public AlationQualityMarks(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** What the bridge recorded of one asset (a row of alation_quality_asset), as it changes during the batch. */
    static final class Recorded {
        Long flagTableId;
        Long flagId;
        String flagReason;
        Long richTextTableId;
        Long richTextFieldId;
        String richTextHash;
    }

    /** One flag to reconcile: a recorded flag to delete, or a flag to have on a table (found or created). */
    public static final class FlagStep {
        final String tenant;
        final String assetId;
        final boolean removal;
        final long tableId;
        final Long flagId;
        final String reason;
        Long adoptedId;
        boolean adoptedMatches;

        FlagStep(String tenant, String assetId, boolean removal, long tableId, Long flagId, String reason) {
            this.tenant = tenant;
            this.assetId = assetId;
            this.removal = removal;
            this.tableId = tableId;
            this.flagId = flagId;
            this.reason = reason;
        }

        public boolean isRemoval() {
            return removal;
        }

        /** A flag of an earlier lost POST was found and taken as the bridge's. */
        public boolean isAdopted() {
            return adoptedId != null;
        }

        /** The adopted flag carries another reason than the one wanted: it is deleted and a new one created. */
        public boolean isAdoptedStale() {
            return adoptedId != null && !adoptedMatches;
        }

        /** No flag of the bridge's stands with the wanted reason: one is created. */
        public boolean isCreateNeeded() {
            return adoptedId == null || !adoptedMatches;
        }
    }

    /** One rich-text value to write: the field of a table, and which asset's record it becomes. */
    record RichTextWrite(String assetId, long fieldId, long tableId, String value) {
    }

    /** A custom-field call: its writes, followed through its job (and the second job it names). */
    public static final class RichTextCall extends JobCall {
        final List<RichTextWrite> writes;

        RichTextCall(String body, List<RichTextWrite> writes) {
            super("PUT", RICH_TEXT_PATH, body, true);
            this.writes = writes;
        }
    }

    /** What the batch's assets need: the flag steps, then the rich-text calls. */
    public static final class Marks {
        final String tenant;
        final Map<String, Recorded> recorded;
        final List<FlagStep> flagSteps = new ArrayList<>();
        final List<RichTextCall> richTextCalls = new ArrayList<>();

        Marks(String tenant, Map<String, Recorded> recorded) {
            this.tenant = tenant;
            this.recorded = recorded;
        }

        public List<FlagStep> getFlagSteps() {
            return flagSteps;
        }

        public List<RichTextCall> getRichTextCalls() {
            return richTextCalls;
        }
    }

    /**
     * What the batch's assets need, from the integration's settings (a row of sql/alation-quality-settings.sql),
     * what was recorded (rows of sql/alation-quality-asset-select.sql) and every result of the assets (rows of
     * sql/alation-quality-asset-results.sql).
     */
    public Marks marks(Plan plan, Map<String, Object> settings, List<Map<String, Object>> recordedRows,
            List<Map<String, Object>> resultRows) {
        boolean trustFlags = settings != null && Boolean.TRUE.equals(settings.get("trust_flags"));
        Number field = settings == null ? null : (Number) settings.get("rich_text_field_id");
        Long richTextField = field == null ? null : field.longValue();
        String tenant = plan.getBatch().tenant();
        Map<String, Recorded> recorded = new HashMap<>();
        for (Map<String, Object> row : recordedRows) {
            Recorded r = new Recorded();
            r.flagTableId = longOrNull(row.get("flag_table_id"));
            r.flagId = longOrNull(row.get("flag_id"));
            r.flagReason = (String) row.get("flag_reason");
            r.richTextTableId = longOrNull(row.get("rich_text_table_id"));
            r.richTextFieldId = longOrNull(row.get("rich_text_field_id"));
            r.richTextHash = (String) row.get("rich_text_hash");
            recorded.put((String) row.get("asset_id"), r);
        }
        Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>();
        for (Map<String, Object> row : resultRows) {
            results.computeIfAbsent((String) row.get("asset_id"), a -> new ArrayList<>()).add(row);
        }
        Marks marks = new Marks(tenant, recorded);
        List<RichTextWrite> writes = new ArrayList<>();
        for (String assetId : plan.getBatch().assetIds()) {
            Long table = plan.currentTable(assetId);
            List<Map<String, Object>> own = results.getOrDefault(assetId, List.of());
            Recorded r = recorded.get(assetId);

            String reason = trustFlags && table != null ? flagReason(own) : null;
            boolean flagStands = r != null && r.flagId != null;
            boolean flagRight = flagStands && reason != null && Objects.equals(r.flagTableId, table)
                    && reason.equals(r.flagReason);
            if (flagStands && !flagRight) {
                marks.flagSteps.add(new FlagStep(tenant, assetId, true, r.flagTableId, r.flagId, null));
            }
            if (reason != null && !flagRight) {
                marks.flagSteps.add(new FlagStep(tenant, assetId, false, table, null, reason));
            }

            String summary = richTextField != null && table != null ? summary(own) : null;
            boolean written = r != null && r.richTextTableId != null && r.richTextFieldId != null;
            boolean sameField = written && summary != null && r.richTextTableId.equals(table)
                    && r.richTextFieldId.equals(richTextField);
            if (written && !sameField && !plan.tablesAlationLacks.contains(r.richTextTableId)) {
                writes.add(new RichTextWrite(assetId, r.richTextFieldId, r.richTextTableId, ""));
            }
            if (summary != null && (sameField ? !hash(summary).equals(r.richTextHash) : !summary.isEmpty())) {
                writes.add(new RichTextWrite(assetId, richTextField, table, summary));
            }
        }
        for (int from = 0; from < writes.size(); from += MAX_RICH_TEXT_PER_CALL) {
            List<RichTextWrite> chunk = writes.subList(from, Math.min(writes.size(), from + MAX_RICH_TEXT_PER_CALL));
            ArrayNode body = objectMapper.createArrayNode();
            for (RichTextWrite write : chunk) {
                body.addObject().put("field_id", write.fieldId()).put("otype", "table").put("oid", write.tableId())
                        .put("value", write.value());
            }
            marks.richTextCalls.add(new RichTextCall(text(body), List.copyOf(chunk)));
        }
        log.debug("Alation marks of {} assets of tenant {}: {} flag steps, {} rich-text writes",
                plan.getBatch().assetIds().length, tenant, marks.flagSteps.size(), writes.size());
        return marks;
    }

    /**
     * The reason of the asset's flag: the rules whose result is ALERT, each linked to its result when it has a
     * link, in rule and column order; null when none alerts (no flag).
     */
    static String flagReason(List<Map<String, Object>> results) {
        List<String> alerts = new ArrayList<>();
        for (Map<String, Object> result : results) {
            if ("ALERT".equals(result.get("status"))) {
                alerts.add(linked(result));
            }
        }
        return alerts.isEmpty() ? null : "<p>" + MARKER + ": " + String.join(", ", alerts) + "</p>";
    }

    /** The HTML summary of the asset's results, "" when it has none. */
    static String summary(List<Map<String, Object>> results) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<p>Catalog Bridge: data quality</p><table><thead><tr><th>Rule</th>"
                + "<th>Status</th><th>Value</th><th>Measured</th></tr></thead><tbody>");
        for (Map<String, Object> result : results) {
            html.append("<tr><td>").append(linked(result)).append("</td><td>")
                    .append(escape(result.get("status"))).append("</td><td>").append(escape(result.get("value")))
                    .append("</td><td>").append(escape(result.get("measured_at"))).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** The rule's name (its key when it has none), with its column, linked to its url when it has one. */
    private static String linked(Map<String, Object> result) {
        String name = result.get("rule_name") == null ? (String) result.get("rule_key") : (String) result.get("rule_name");
        String column = (String) result.get("column_name");
        String label = escape(column == null || column.isEmpty() ? name : name + " (" + column + ")");
        Object url = result.get("url");
        return url == null ? label : "<a href=\"" + escape(url) + "\">" + label + "</a>";
    }

    private static String escape(Object text) {
        return text == null ? "" : HtmlUtils.htmlEscape(String.valueOf(text), "UTF-8");
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    // --- flags

    /** The filters of the listing of a table's standing flags. */
    public Map<String, Object> flagFilters(FlagStep step) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("oid", step.tableId);
        filters.put("otype", "table");
        filters.put("exclude_deleted", true);
        return filters;
    }

    /**
     * Among the table's standing flags, the bridge's own that a lost POST left (WARNING, by the integration's user,
     * its reason carrying the marker): adopted, so that no second flag is created. Several (which the bridge never
     * makes): the one with the wanted reason, else the first.
     */
    public void adopt(Exchange exchange, FlagStep step, Collection<?> flags) {
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        String wanted = inner(step.reason);
        for (Object object : flags == null ? List.of() : flags) {
            if (object instanceof AlationFlag flag && "WARNING".equals(flag.flagType())
                    && Objects.equals(flag.userId(), connection.userId()) && flag.flagReason() != null
                    && flag.flagReason().contains(MARKER)) {
                boolean matches = flag.flagReason().contains(wanted);
                if (step.adoptedId == null || matches && !step.adoptedMatches) {
                    step.adoptedId = flag.id();
                    step.adoptedMatches = matches;
                }
            }
        }
        if (step.adoptedId != null) {
            log.info("Adopting trust flag {} on Alation table {} for asset {} of tenant {}: the bridge's, from an"
                    + " earlier attempt", step.adoptedId, step.tableId, step.assetId, step.tenant);
        }
    }

    // the reason without the paragraph Alation may wrap it in
    private static String inner(String reason) {
        return reason.startsWith("<p>") && reason.endsWith("</p>") ? reason.substring(3, reason.length() - 4) : reason;
    }

    /** Sets up the delete of a flag: the recorded one, or (adopted) the one found; 403 and 404 are answers. */
    public void prepareFlagDelete(Exchange exchange, FlagStep step, boolean adopted) {
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        exchange.setProperty(AlationCalls.REQUEST_URL, connection.url() + FLAG_PATH
                + (adopted ? step.adoptedId : step.flagId) + "/");
        exchange.setProperty(AlationCalls.REQUEST_METHOD, "DELETE");
        exchange.setProperty(AlationCalls.REQUEST_ACCEPTS, List.of(403, 404));
        exchange.removeProperty(AlationCalls.REQUEST_BODY);
    }

    /** After a delete: gone (204, or 404 already); 403 is another user's flag, forgotten all the same. */
    public void flagDeleted(Exchange exchange, FlagStep step, boolean adopted) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        long id = adopted ? step.adoptedId : step.flagId;
        if (status == 403) {
            log.warn("Alation refused to delete trust flag {} on table {} (asset {} of tenant {}): it is not the"
                    + " integration user's; the bridge forgets it", id, step.tableId, step.assetId, step.tenant);
        } else {
            log.debug("Trust flag {} on Alation table {} of tenant {} removed ({})", id, step.tableId, step.tenant,
                    status);
        }
    }

    /**
     * A flag's POST got no answer (no response on its connection, a 5xx): Alation may have made it, so it is not sent
     * again; the table's flags are looked at afresh, as the batch's next attempt would look at them.
     */
    public void lookAgain(FlagStep step, Exception failure) {
        log.info("Trust flag for asset {} of tenant {} on Alation table {}: its POST got no answer ({}); looking at"
                + " the table's flags again", step.assetId, step.tenant, step.tableId,
                failure == null ? "?" : failure.getMessage());
        step.adoptedId = null;
        step.adoptedMatches = false;
    }

    /** Sets up the POST of a new flag, which is sent once: a failure that may have created it is not repeated. */
    public void prepareFlagCreate(Exchange exchange, FlagStep step) {
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("flag_type", "WARNING");
        body.put("flag_reason", step.reason);
        body.put("subject", Map.of("id", step.tableId, "otype", "table"));
        exchange.setProperty(AlationCalls.REQUEST_URL, connection.url() + FLAG_PATH);
        exchange.setProperty(AlationCalls.REQUEST_METHOD, "POST");
        exchange.setProperty(AlationCalls.REQUEST_BODY, text(objectMapper.valueToTree(body)));
        exchange.setProperty(AlationCalls.REQUEST_ONCE, true);
    }

    /** The id of the flag the POST created (201 {"id", ...}). */
    public void flagCreated(Exchange exchange, FlagStep step) {
        JsonNode answer;
        try {
            answer = objectMapper.readTree(exchange.getMessage().getBody(byte[].class));
        } catch (java.io.IOException e) {
            answer = null;
        }
        if (answer == null || !answer.path("id").canConvertToLong()) {
            // it may stand all the same: the next attempt looks first and adopts it
            throw new AlationProblems.AlationBadResponse("Alation answered POST " + FLAG_PATH + " without the new"
                    + " flag's id");
        }
        step.adoptedId = answer.path("id").asLong();
        step.adoptedMatches = true;
    }

    /** The row that records the step's flag (sql/alation-quality-asset-flag.sql): the one standing now. */
    public Map<String, Object> flagRow(Marks marks, FlagStep step) {
        Map<String, Object> row = new HashMap<>();
        row.put("tenant_id", step.tenant);
        row.put("asset_id", step.assetId);
        row.put("flag_table_id", step.tableId);
        row.put("flag_id", step.adoptedId);
        row.put("flag_reason", step.adoptedMatches ? step.reason : null);
        Recorded r = marks.recorded.computeIfAbsent(step.assetId, a -> new Recorded());
        r.flagTableId = step.tableId;
        r.flagId = step.adoptedId;
        return row;
    }

    /** The row that forgets the asset's flag (sql/alation-quality-asset-flag.sql with no flag). */
    public Map<String, Object> noFlagRow(FlagStep step) {
        Map<String, Object> row = new HashMap<>();
        row.put("tenant_id", step.tenant);
        row.put("asset_id", step.assetId);
        row.put("flag_table_id", null);
        row.put("flag_id", null);
        row.put("flag_reason", null);
        return row;
    }

    // --- rich text

    /** The rows that record a rich-text call's writes (sql/alation-quality-asset-rich-text.sql); "" records none. */
    public Map<String, Object> richTextRows(Marks marks, RichTextCall call) {
        Map<String, RichTextWrite> last = new LinkedHashMap<>();
        call.writes.forEach(write -> last.put(write.assetId(), write));
        List<String> assets = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        last.values().forEach(write -> {
            boolean empty = write.value().isEmpty();
            assets.add(write.assetId());
            tables.add(empty ? null : Long.toString(write.tableId()));
            fields.add(empty ? null : Long.toString(write.fieldId()));
            hashes.add(empty ? null : hash(write.value()));
        });
        return Map.of("tenant_id", marks.tenant, "asset_id", assets.toArray(String[]::new),
                "table_id", tables.toArray(String[]::new), "field_id", fields.toArray(String[]::new),
                "hash", hashes.toArray(String[]::new));
    }

    /** The batch's assets, whose rows that record nothing any more are dropped. */
    public Map<String, Object> pruneRow(Plan plan) {
        return Map.of("tenant_id", plan.getBatch().tenant(), "asset_ids", plan.getBatch().assetIds());
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private String text(JsonNode body) {
        try {
            return objectMapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
