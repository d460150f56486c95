package io.catalogbridge.quality;

import io.catalogbridge.api.Problem.FieldError;
import io.catalogbridge.api.ProblemException;
import io.catalogbridge.api.TextFields;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rules of quality results, for the pipelines in {@code routes/quality/}: what a valid upload is, which result of
 * an upload counts, the rows results and their deliveries are stored as (named parameters of {@code sql/quality-*.sql},
 * a batch of column arrays a statement), and the answer of a read.
 *
 * <p>The bridge keeps the latest result per asset, rule and column. A result measured before the stored one is
 * ignored; one measured at the same instant replaces the stored one only if it differs from it (a correction), so an
 * exact repeat changes nothing and queues no delivery. Within one call the newest {@code measured_at} wins, and of
 * equal ones the later in the array (the same rule as for a later call).
 */
@Component("qualityResults")
public class QualityResults {

    /** The most results one call may carry. */
    public static final int MAX_RESULTS = 100_000;
    static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_ERRORS_REPORTED = 20;
    private static final Set<String> STATUSES = Set.of("GOOD", "WARNING", "ALERT");
    private static final Set<String> VALUE_TYPES = Set.of("NUMERIC", "STRING", "BOOLEAN");
    private static final List<String> RESULT_COLUMNS = List.of("asset_id", "rule_key", "column_name", "rule_name",
            "rule_description", "value_type", "status", "value", "url", "measured_at");
    private static final List<String> DELIVERY_COLUMNS = List.of("asset_id", "rule_key", "column_name", "catalog",
            "state", "removal", "measured_at");

    private final QualityCatalogs catalogs;

    public QualityResults(QualityCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** A valid result as it is stored: {@code column} is '' for a table-level result, {@code value} its text. */
    public record Row(String assetId, String ruleKey, String column, String ruleName, String ruleDescription,
            String valueType, String status, String value, String url, Instant measuredAt) {

        String key() {
            // U+0000 cannot be in a stored text (TextFields), so it separates the parts unambiguously
            return assetId + '\u0000' + ruleKey + '\u0000' + column;
        }
    }

    /**
     * A valid upload: the results that count (one per asset, rule and column), how many the call carried, and where
     * each asset first appears (to name it in a 404).
     */
    public record Upload(String tenant, List<Row> rows, int accepted, Map<String, Integer> firstIndexOfAsset) {

        /** The parameters of {@code sql/quality-asset-select-missing.sql}. */
        public Map<String, Object> assetQuery() {
            return Map.of("tenant", tenant, "asset_ids", firstIndexOfAsset.keySet().toArray(String[]::new));
        }
    }

    /** Validates an upload and answers the results that count, or fails with 400 naming the offending fields. */
    public Upload validate(String tenant, List<QualityResult> results) {
        if (results == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The request body must be a JSON array of results");
        }
        if (results.size() > MAX_RESULTS) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "A call may carry at most " + MAX_RESULTS
                    + " results; this one has " + results.size());
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Row> latest = new LinkedHashMap<>();
        Map<String, Integer> firstIndexOfAsset = new LinkedHashMap<>();
        for (int i = 0; i < results.size() && errors.size() < MAX_ERRORS_REPORTED; i++) {
            Row row = row("[" + i + "]", results.get(i), errors);
            if (row == null) {
                continue;
            }
            firstIndexOfAsset.putIfAbsent(row.assetId(), i);
            latest.merge(row.key(), row, (stored, next) -> next.measuredAt().isBefore(stored.measuredAt()) ? stored : next);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid quality results: " + errors.size()
                    + (errors.size() >= MAX_ERRORS_REPORTED ? " or more" : "") + " problems, the first at "
                    + errors.get(0).field(), errors);
        }
        return new Upload(tenant, List.copyOf(latest.values()), results.size(), firstIndexOfAsset);
    }

    /** 404 naming the upload's assets that the tenant has not registered ({@code sql/quality-asset-select-missing.sql}). */
    public void rejectUnregistered(Upload upload, List<Map<String, Object>> missing) {
        if (missing.isEmpty()) {
            return;
        }
        List<FieldError> errors = missing.stream()
                .map(row -> (String) row.get("asset_id"))
                .map(id -> new FieldError("[" + upload.firstIndexOfAsset().get(id) + "].asset_id",
                        "is not a registered asset: " + id))
                .toList();
        throw new ProblemException(HttpStatus.NOT_FOUND, "Tenant " + upload.tenant() + " has no asset "
                + String.join(", ", missing.stream().map(row -> (String) row.get("asset_id")).toList())
                + "; register assets at /" + upload.tenant() + "/assets first", errors);
    }

    /** The catalogs the upload's results go to, with the assets mapped in each (asked of the wings). */
    public Map<String, Set<String>> targets(Upload upload) {
        return catalogs.mappedAssets(upload.tenant(), upload.firstIndexOfAsset().keySet());
    }

    /** The upload's results as batches of {@code sql/quality-result-upsert.sql}, built as they are written. */
    public java.util.Iterator<Map<String, Object>> resultBatches(Upload upload) {
        List<Row> rows = upload.rows();
        return io.catalogbridge.api.Batches.ofColumns(rows.size(), Map.of("tenant_id", upload.tenant()),
                RESULT_COLUMNS, i -> {
                    Row r = rows.get(i);
                    return new Object[] {r.assetId(), r.ruleKey(), r.column(), r.ruleName(), r.ruleDescription(),
                            r.valueType(), r.status(), r.value(), r.url(), r.measuredAt()};
                });
    }

    /**
     * The deliveries of the results a batch wrote (the rows {@code sql/quality-result-upsert.sql} returned: those
     * new or newer than what was stored), one per configured catalog: PENDING where the asset is mapped, NOT_MAPPED
     * elsewhere; the parameters of {@code sql/quality-delivery-upsert.sql}.
     */
    public Map<String, Object> deliveryBatch(String tenant, Map<String, Set<String>> targets,
            List<Map<String, Object>> written) {
        List<Object[]> rows = new ArrayList<>(written.size() * targets.size());
        for (Map<String, Object> result : written) {
            String assetId = (String) result.get("asset_id");
            targets.forEach((catalog, mapped) -> rows.add(new Object[] {assetId, result.get("rule_key"),
                    result.get("column_name"), catalog, mapped.contains(assetId) ? "PENDING" : "NOT_MAPPED", false,
                    result.get("measured_at")}));
        }
        return columns(tenant, DELIVERY_COLUMNS, rows);
    }

    /**
     * The removal of a deleted result from every catalog the tenant has configured: PENDING where the asset is mapped
     * (the wing removes the catalog's copy), NOT_MAPPED elsewhere (nothing there to remove).
     */
    public Map<String, Object> removalBatch(String tenant, String assetId, String ruleKey, String column) {
        List<Object[]> rows = new ArrayList<>();
        catalogs.mappedAssets(tenant, List.of(assetId)).forEach((catalog, mapped) -> rows.add(new Object[] {assetId,
                ruleKey, column, catalog, mapped.contains(assetId) ? "PENDING" : "NOT_MAPPED", true, null}));
        return columns(tenant, DELIVERY_COLUMNS, rows);
    }

    /** 404: the tenant has no such result (column '' for a table-level one). */
    public void noSuchResult(String tenant, String assetId, String ruleKey, String column) {
        throw new ProblemException.NotFound("Tenant " + tenant + " has no quality result of rule " + ruleKey
                + " on asset " + assetId + (column.isEmpty() ? " (table level)" : " column " + column));
    }

    /** The stored column of a query parameter {@code column}: '' for a table-level result. */
    public String column(Object column) {
        if (column == null || column.toString().isEmpty()) {
            return "";
        }
        String problem = TextFields.problem(column.toString());
        if (problem != null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Query parameter 'column' " + problem,
                    List.of(new FieldError("column", problem)));
        }
        return column.toString();
    }

    /**
     * The asset's results ({@code sql/quality-result-select.sql}) with their deliveries
     * ({@code sql/quality-delivery-select.sql}), for every catalog the tenant has configured. A configured catalog
     * without a queue row for a result (its integration came after the result) is NOT_MAPPED where the asset has no
     * table there, and PENDING where it has one: the result is owed to that catalog.
     */
    public List<QualityResultView> view(String tenant, String assetId, List<Map<String, Object>> results,
            List<Map<String, Object>> deliveries) {
        Map<String, Set<String>> targets = catalogs.mappedAssets(tenant, List.of(assetId));
        Map<String, Map<String, QualityResultView.Delivery>> byResult = new HashMap<>();
        for (Map<String, Object> d : deliveries) {
            byResult.computeIfAbsent(d.get("rule_key") + "\u0000" + d.get("column_name"), k -> new HashMap<>())
                    .put((String) d.get("catalog"), new QualityResultView.Delivery((String) d.get("state"),
                            instantText(d.get("delivered_at")), (String) d.get("error")));
        }
        List<QualityResultView> views = new ArrayList<>(results.size());
        for (Map<String, Object> r : results) {
            String column = (String) r.get("column_name");
            Map<String, QualityResultView.Delivery> stored = byResult.getOrDefault(r.get("rule_key") + "\u0000" + column,
                    Map.of());
            Map<String, QualityResultView.Delivery> shown = new LinkedHashMap<>();
            targets.forEach((catalog, mapped) -> shown.put(catalog, stored.getOrDefault(catalog,
                    new QualityResultView.Delivery(mapped.contains(assetId) ? "PENDING" : "NOT_MAPPED", null, null))));
            String valueType = (String) r.get("value_type");
            views.add(new QualityResultView(assetId, (String) r.get("rule_key"), (String) r.get("rule_name"),
                    (String) r.get("rule_description"), valueType, column.isEmpty() ? null : column,
                    (String) r.get("status"), typedValue(valueType, (String) r.get("value")), (String) r.get("url"),
                    instantText(r.get("measured_at")), instantText(r.get("received_at")), shown));
        }
        return views;
    }

    private static Row row(String at, QualityResult result, List<FieldError> errors) {
        if (result == null) {
            errors.add(new FieldError(at, "must be a result object"));
            return null;
        }
        int before = errors.size();
        key(at + ".asset_id", result.assetId(), errors);
        key(at + ".rule_key", result.ruleKey(), errors);
        if (result.column() != null && TextFields.check(at + ".column", result.column(), errors)) {
            if (result.column().isBlank()) {
                errors.add(new FieldError(at + ".column", "may not be blank; leave it null for a table-level result"));
            } else if (result.column().length() > MAX_KEY_LENGTH) {
                errors.add(new FieldError(at + ".column", "may not exceed " + MAX_KEY_LENGTH + " characters"));
            }
        }
        TextFields.check(at + ".rule_name", result.ruleName(), errors);
        TextFields.check(at + ".rule_description", result.ruleDescription(), errors);
        if (TextFields.check(at + ".url", result.url(), errors) && result.url() != null && !isWebUrl(result.url())) {
            errors.add(new FieldError(at + ".url", "must be an absolute http or https URL"));
        }
        if (result.status() == null) {
            errors.add(new FieldError(at + ".status", "is required"));
        } else if (!STATUSES.contains(result.status())) {
            errors.add(new FieldError(at + ".status", "must be GOOD, WARNING or ALERT"));
        }
        String valueType = result.valueType() == null ? "STRING" : result.valueType();
        String value = null;
        if (!VALUE_TYPES.contains(valueType)) {
            errors.add(new FieldError(at + ".value_type", "must be NUMERIC, STRING or BOOLEAN"));
        } else {
            value = value(at + ".value", valueType, result.value(), errors);
        }
        Instant measuredAt = instant(at + ".measured_at", result.measuredAt(), errors);
        if (errors.size() > before) {
            return null;
        }
        String column = result.column() == null ? "" : result.column();
        return new Row(result.assetId(), result.ruleKey(), column, result.ruleName(), result.ruleDescription(),
                valueType, result.status(), value, result.url(), measuredAt);
    }

    private static void key(String field, String text, List<FieldError> errors) {
        if (TextFields.checkRequired(field, text, errors) && text.length() > MAX_KEY_LENGTH) {
            errors.add(new FieldError(field, "may not exceed " + MAX_KEY_LENGTH + " characters"));
        }
    }

    /** The value's stored text, when it fits its type; null is no value, whatever the type. */
    private static String value(String field, String valueType, Object value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof Collection) {
            errors.add(new FieldError(field, "must be a number, a boolean or a text, not an object or an array"));
            return null;
        }
        switch (valueType) {
            case "NUMERIC" -> {
                if (value instanceof Number) {
                    return value.toString();
                }
                errors.add(new FieldError(field, "must be a number for value_type NUMERIC"));
            }
            case "BOOLEAN" -> {
                if (value instanceof Boolean) {
                    return value.toString();
                }
                errors.add(new FieldError(field, "must be true or false for value_type BOOLEAN"));
            }
            default -> {
                String text = value.toString();
                return TextFields.check(field, text, errors) ? text : null;
            }
        }
        return null;
    }

    /** An ISO-8601 timestamp with a zone, to PostgreSQL's microseconds, within years 1 to 9999. */
    private static Instant instant(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (parsed.getYear() >= 1 && parsed.getYear() <= 9999) {
                return parsed.toInstant().truncatedTo(ChronoUnit.MICROS);
            }
        } catch (DateTimeParseException unreadable) {
            // answered below
        }
        errors.add(new FieldError(field, "must be an ISO-8601 timestamp with a time zone, e.g. 2026-12-01T09:00:00Z"));
        return null;
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }

    /**
     * A stored value in its type's JSON form. A whole number is an integer (2000, not 2000.0): Jackson's JSON trees
     * write a BigDecimal without its trailing zeros, so 2000 would reach a catalog as 2E+3.
     */
    static Object typedValue(String valueType, String value) {
        if (value == null) {
            return null;
        }
        return switch (valueType) {
            case "NUMERIC" -> number(new BigDecimal(value));
            case "BOOLEAN" -> Boolean.valueOf(value);
            default -> value;
        };
    }

    private static Number number(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0 ? value.toBigIntegerExact() : value;
    }

    /** A timestamp of a row (the driver's Timestamp or OffsetDateTime) as ISO-8601 in UTC. */
    static String instantText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant().toString();
        }
        return value.toString();
    }

    /** Rows as one statement's parameters: each column a String array, and the tenant. */
    private static Map<String, Object> columns(String tenant, List<String> names, List<Object[]> rows) {
        Map<String, Object> batch = new HashMap<>();
        batch.put("tenant_id", tenant);
        for (int c = 0; c < names.size(); c++) {
            String[] values = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                Object value = rows.get(r)[c];
                values[r] = value == null ? null : value.toString();
            }
            batch.put(names.get(c), values);
        }
        return batch;
    }
}
