package io.catalogbridge.quality;

import io.catalogbridge.quality.QualityDeliveries.ClaimedDelivery;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's claimed deliveries to one catalog, as the delivery worker hands them to the wing
 * ({@code direct:deliver-<catalog>-quality}, property {@code qualityBatch}), and the wing's verdict on each:
 * {@link #delivered} (the catalog has it, at the location the wing names; for a removal, the catalog no longer has
 * it), {@link #unmapped} (the asset has no table in the catalog, and the catalog holds no copy of the result any
 * more), {@link #failed} (the catalog refused that object for good, e.g. it does not know its key), or none, which
 * the worker retries.
 *
 * <p>A delivery's {@code deliveredTo} is where the catalog holds its copy. A wing that delivers a result to another
 * location than that, or finds the asset unmapped, first removes the copy there: a result follows its asset's
 * mapping. A wing that cannot deliver the batch at all (the catalog is
 * down, throttles beyond its retries) throws instead: then every delivery of the batch is retried.
 */
public final class QualityBatch {

    /**
     * A wing's verdict on one delivery: delivered (at {@code location}, null when unmapped), or failed with a reason;
     * {@code unknownTableId} when the catalog refused it because it does not know the asset's table (its id).
     */
    record Verdict(boolean delivered, boolean unmapped, String location, String reason, String unknownTableId) {

        Verdict(boolean delivered, boolean unmapped, String location, String reason) {
            this(delivered, unmapped, location, reason, null);
        }
    }

    private final String catalog;
    private final String tenant;
    private final List<ClaimedDelivery> deliveries;
    // by identity: two claimed deliveries are never the same row, and a record's equality would compare values
    private final Map<ClaimedDelivery, Verdict> verdicts = new IdentityHashMap<>();

    public QualityBatch(String catalog, String tenant, List<ClaimedDelivery> deliveries) {
        this.catalog = catalog;
        this.tenant = tenant;
        this.deliveries = List.copyOf(deliveries);
    }

    public String catalog() {
        return catalog;
    }

    public String tenant() {
        return tenant;
    }

    /** Every claimed delivery of the tenant, results and removals alike, oldest due first. */
    public List<ClaimedDelivery> deliveries() {
        return deliveries;
    }

    /** The batch's assets, each once: what a wing reads its mappings of. */
    public String[] assetIds() {
        return deliveries.stream().map(ClaimedDelivery::assetId).distinct().toArray(String[]::new);
    }

    /**
     * The catalog has the delivery's state at {@code location}, the wing's name of the table as its
     * {@code QualityCatalog.locationsQuery} answers it; for a removal, the catalog no longer has the result
     * ({@code location} null).
     */
    public synchronized void delivered(ClaimedDelivery delivery, String location) {
        verdicts.put(delivery, new Verdict(true, false, delivery.removal() ? null : location, null));
    }

    /** The asset has no table in the catalog, and the catalog no copy of the result: the delivery ends NOT_MAPPED. */
    public synchronized void unmapped(ClaimedDelivery delivery) {
        verdicts.put(delivery, new Verdict(true, true, null, null));
    }

    /** The catalog refused the delivery for good: it ends FAILED with the reason until a newer result comes. */
    public synchronized void failed(ClaimedDelivery delivery, String reason) {
        verdicts.put(delivery, new Verdict(false, false, null, reason));
    }

    /**
     * The catalog refused the delivery because it does not know the table the asset is mapped to (the catalog's id
     * of it, as text): it fails as {@link #failed} does, and the asset's mapping is marked stale (GONE) until a
     * verification or a new mapping says otherwise.
     */
    public synchronized void unknownTable(ClaimedDelivery delivery, String tableId, String reason) {
        verdicts.put(delivery, new Verdict(false, false, null, reason, tableId));
    }

    /** Fails every delivery of the batch that has no verdict yet. */
    public synchronized void failRest(String reason) {
        deliveries.forEach(d -> verdicts.putIfAbsent(d, new Verdict(false, false, null, reason)));
    }

    /** The wing's verdict on the delivery, null when it gave none (the delivery is retried). */
    synchronized Verdict verdict(ClaimedDelivery delivery) {
        return verdicts.get(delivery);
    }

    @Override
    public String toString() {
        return deliveries.size() + " " + catalog + " deliveries of tenant " + tenant;
    }
}
