package io.catalogbridge.quality;

import io.catalogbridge.database.SqlQueries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The delivery queue's gauges, per catalog (tag {@code catalog}), read from {@code quality_delivery} when they are
 * scraped: {@code catalog_bridge.quality.deliveries.pending} (PENDING deliveries, results and removals) and
 * {@code catalog_bridge.quality.deliveries.oldest.pending} (seconds since the oldest of them was queued: a catalog
 * that is down shows as a growing age). Being read from the database, they are the same on every replica. One query
 * ({@code sql/quality-delivery-pending-stats.sql}, on the partial index of PENDING rows) serves every gauge of a
 * scrape: its answer is kept for {@value #SNAPSHOT_MILLIS} ms. When the database cannot answer, the gauges are NaN.
 *
 * <p>Two counters, per catalog, count what this replica's worker settled: {@code catalog_bridge.quality.deliveries.delivered}
 * (results the catalog now has, removals it no longer has, results left NOT_MAPPED) and
 * {@code catalog_bridge.quality.deliveries.failed} (refused for good: FAILED).
 */
@Component
public class QualityDeliveryMetrics implements MeterBinder {

    static final long SNAPSHOT_MILLIS = 1000;
    private static final Logger log = LoggerFactory.getLogger(QualityDeliveryMetrics.class);

    private final SqlQueries queries;
    private final QualityCatalogs catalogs;
    private final Map<String, Counter[]> counters = new java.util.concurrent.ConcurrentHashMap<>();
    private Map<String, double[]> snapshot;
    private long snapshotAt;

    public QualityDeliveryMetrics(SqlQueries queries, QualityCatalogs catalogs) {
        this.queries = queries;
        this.catalogs = catalogs;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String catalog : catalogs.all()) {
            Gauge.builder("catalog_bridge.quality.deliveries.pending", () -> stat(catalog, 0))
                    .description("Quality deliveries waiting for the catalog (results and removals)")
                    .tag("catalog", catalog).register(registry);
            Gauge.builder("catalog_bridge.quality.deliveries.oldest.pending", () -> stat(catalog, 1))
                    .description("Age of the oldest quality delivery waiting for the catalog")
                    .baseUnit("seconds").tag("catalog", catalog).register(registry);
            counters.put(catalog, new Counter[] {
                Counter.builder("catalog_bridge.quality.deliveries.delivered")
                        .description("Quality deliveries the catalog took (results delivered, removals done)")
                        .tag("catalog", catalog).register(registry),
                Counter.builder("catalog_bridge.quality.deliveries.failed")
                        .description("Quality deliveries the catalog refused for good (FAILED)")
                        .tag("catalog", catalog).register(registry)});
        }
    }

    /** Counts what the worker settled of a batch of the catalog. */
    void settled(String catalog, int delivered, int failed) {
        Counter[] pair = counters.get(catalog);
        if (pair != null) {
            pair[0].increment(delivered);
            pair[1].increment(failed);
        }
    }

    private double stat(String catalog, int which) {
        Map<String, double[]> stats = snapshot();
        if (stats == null) {
            return Double.NaN;
        }
        double[] values = stats.get(catalog);
        return values == null ? 0 : values[which];
    }

    private synchronized Map<String, double[]> snapshot() {
        long now = System.currentTimeMillis();
        if (snapshot == null || now - snapshotAt >= SNAPSHOT_MILLIS) {
            try {
                Map<String, double[]> read = new HashMap<>();
                List<Map<String, Object>> rows = queries.rows("quality-delivery-pending-stats.sql", Map.of());
                for (Map<String, Object> row : rows) {
                    read.put((String) row.get("catalog"), new double[] {((Number) row.get("pending")).doubleValue(),
                            Math.max(0, ((Number) row.get("oldest_seconds")).doubleValue())});
                }
                snapshot = read;
            } catch (RuntimeException unavailable) {
                log.warn("The quality delivery gauges cannot be read: {}", unavailable.getMessage());
                snapshot = null;
            }
            snapshotAt = now;
        }
        return snapshot;
    }
}
