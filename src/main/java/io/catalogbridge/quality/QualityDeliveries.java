package io.catalogbridge.quality;

import io.catalogbridge.database.SqlQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The durable delivery queue ({@code quality_delivery}) as a wing's delivery worker uses it: claim the due deliveries
 * of its catalog, deliver each, then complete it or fail it. The core owns the queue and its rules; a wing only
 * delivers. The same statements are the named SQL files {@code sql/quality-delivery-claim.sql},
 * {@code -complete.sql} (a batch's deliveries as arrays, one element each) and {@code -fail.sql}, for a worker written
 * as routes.
 *
 * <ul>
 *   <li>{@link #claim}: up to {@code limit} PENDING deliveries of the catalog whose time has come, oldest first,
 *       each given a lease: they are not due again until it runs out, so a worker that dies leaves them to the next
 *       claim. Concurrent claims (any replica) never get the same delivery ({@code FOR UPDATE SKIP LOCKED}). The
 *       claim commits at once outside a transaction: call it outside one, and do not hold one while delivering.</li>
 *   <li>{@link #complete}: the catalog has what was claimed, at the location the wing names (or, for an asset no
 *       longer mapped there, nothing: NOT_MAPPED). When a newer result came meanwhile, or the asset's mapping
 *       moved, the delivery stays PENDING and is due at once, so the newest state always wins; otherwise it is
 *       DELIVERED.</li>
 *   <li>{@link #retry}: a failure worth another attempt (the catalog is down, throttles): due again after
 *       {@code delay}, the error shown meanwhile. {@link #fail}: a final failure, FAILED with its error until a newer
 *       result queues the delivery again.</li>
 * </ul>
 * A delivery is at least once: a worker that dies after delivering delivers again after the lease, so a wing's
 * delivery must be idempotent (set the value, never add one).
 */
@Component("qualityDeliveries")
public class QualityDeliveries {

    private final SqlQueries queries;

    public QualityDeliveries(SqlQueries queries) {
        this.queries = queries;
    }

    /**
     * A claimed delivery: the result to deliver (its fields as stored, the value in its type's JSON form), or, when
     * {@code removal}, the result whose copy the catalog is to remove (only its key is known then). {@code column}
     * is null for a table-level result; {@code version} and {@code measuredAt} tell complete and fail which state
     * was delivered. {@code deliveredTo} is where the catalog holds a copy of the result (the wing's location, as
     * its {@link QualityCatalog#locationsQuery} names it), null when it holds none: a wing that delivers elsewhere
     * (the asset's mapping changed) or removes the result removes that copy.
     */
    public record ClaimedDelivery(String tenant, String assetId, String ruleKey, String column, String catalog,
            boolean removal, long version, int attempts, Instant measuredAt, String deliveredTo, String ruleName,
            String ruleDescription, String valueType, String status, Object value, String url) {

        /** The stored column: '' for a table-level result. */
        String columnName() {
            return column == null ? "" : column;
        }
    }

    /** Claims up to {@code limit} due deliveries of the catalog for {@code lease}; see the class comment. */
    public List<ClaimedDelivery> claim(String catalog, int limit, Duration lease) {
        return queries.rows("quality-delivery-claim.sql",
                Map.of("catalog", catalog, "limit", limit, "lease_seconds", Math.max(1, lease.toSeconds())))
                .stream().map(QualityDeliveries::claimed).toList();
    }

    /**
     * The catalog has the claimed state of the result at {@code location} (the wing's name of the table), or, with a
     * null location, holds nothing of it (a removal); {@code unmapped}: nothing, for the asset has no table there
     * (NOT_MAPPED).
     */
    public void complete(ClaimedDelivery delivery, String location, boolean unmapped) {
        completeAll(delivery.tenant(), delivery.catalog(), List.of(new Completion(delivery, location, unmapped)));
    }

    /** What {@link #completeAll} completes of one delivery: {@link #complete}'s arguments. */
    public record Completion(ClaimedDelivery delivery, String location, boolean unmapped) {
    }

    /**
     * {@link #complete} for deliveries of one tenant and catalog (a settled batch) in one statement
     * ({@code sql/quality-delivery-complete.sql}): one commit for the batch, not one a delivery.
     */
    public void completeAll(String tenant, String catalog, List<Completion> completions) {
        if (completions.isEmpty()) {
            return;
        }
        int n = completions.size();
        String[] assetIds = new String[n];
        String[] ruleKeys = new String[n];
        String[] columns = new String[n];
        String[] versions = new String[n];
        String[] measuredAts = new String[n];
        String[] locations = new String[n];
        String[] unmapped = new String[n];
        for (int i = 0; i < n; i++) {
            Completion completion = completions.get(i);
            ClaimedDelivery delivery = completion.delivery();
            if (!delivery.tenant().equals(tenant) || !delivery.catalog().equals(catalog)) {
                throw new IllegalArgumentException("A delivery of " + delivery.tenant() + " in " + delivery.catalog()
                        + " is not of the batch of " + tenant + " in " + catalog);
            }
            assetIds[i] = delivery.assetId();
            ruleKeys[i] = delivery.ruleKey();
            columns[i] = delivery.columnName();
            versions[i] = Long.toString(delivery.version());
            measuredAts[i] = delivery.measuredAt() == null ? null : delivery.measuredAt().toString();
            locations[i] = completion.location();
            unmapped[i] = Boolean.toString(completion.unmapped());
        }
        Map<String, Object> row = new HashMap<>();
        row.put("tenant_id", tenant);
        row.put("catalog", catalog);
        row.put("asset_id", assetIds);
        row.put("rule_key", ruleKeys);
        row.put("column_name", columns);
        row.put("version", versions);
        row.put("measured_at", measuredAts);
        row.put("delivered_to", locations);
        row.put("unmapped", unmapped);
        queries.update("quality-delivery-complete.sql", row);
    }

    /** The delivery failed and is tried again after {@code delay}. */
    public void retry(ClaimedDelivery delivery, String error, Duration delay) {
        failed(delivery, error, delay, false);
    }

    /** The delivery failed for good (the catalog refuses it): FAILED until a newer result queues it again. */
    public void fail(ClaimedDelivery delivery, String error) {
        failed(delivery, error, Duration.ZERO, true);
    }

    private void failed(ClaimedDelivery delivery, String error, Duration delay, boolean last) {
        Map<String, Object> row = key(delivery);
        row.put("error", error);
        row.put("final", last);
        row.put("retry_seconds", delay.toSeconds());
        queries.update("quality-delivery-fail.sql", row);
    }

    private static Map<String, Object> key(ClaimedDelivery delivery) {
        Map<String, Object> row = new HashMap<>();
        row.put("tenant_id", delivery.tenant());
        row.put("asset_id", delivery.assetId());
        row.put("rule_key", delivery.ruleKey());
        row.put("column_name", delivery.columnName());
        row.put("catalog", delivery.catalog());
        row.put("version", delivery.version());
        return row;
    }

    private static ClaimedDelivery claimed(Map<String, Object> row) {
        String column = (String) row.get("column_name");
        String valueType = (String) row.get("value_type");
        String measuredAt = QualityResults.instantText(row.get("measured_at"));
        return new ClaimedDelivery((String) row.get("tenant_id"), (String) row.get("asset_id"),
                (String) row.get("rule_key"), column.isEmpty() ? null : column, (String) row.get("catalog"),
                (Boolean) row.get("removal"), ((Number) row.get("version")).longValue(),
                ((Number) row.get("attempts")).intValue(), measuredAt == null ? null : Instant.parse(measuredAt),
                (String) row.get("delivered_to"), (String) row.get("rule_name"), (String) row.get("rule_description"), valueType,
                (String) row.get("status"), valueType == null ? null : QualityResults.typedValue(valueType,
                (String) row.get("value")), (String) row.get("url"));
    }
}
