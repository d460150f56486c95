package io.catalogbridge.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every attempt of a wing's calls to its catalog: the timer {@code catalog_bridge.<catalog>.requests}
 * (Prometheus: {@code catalog_bridge_<catalog>_requests_seconds}), tagged {@code catalog}, {@code endpoint} (the
 * path with ids replaced) and {@code status} (the HTTP status, or {@code io_error}). The name keeps each catalog's
 * series where dashboards already read it; the {@code catalog} tag lets one query sum over catalogs.
 */
public final class RequestTimer {

    private final MeterRegistry meters;
    private final String catalog;
    private final String name;

    /** @param catalog the catalog's id as in its paths and properties (the folder name of its wing) */
    public RequestTimer(MeterRegistry meters, String catalog) {
        this.meters = meters;
        this.catalog = catalog;
        this.name = "catalog_bridge." + catalog + ".requests";
    }

    /** One attempt that started at {@code startedNanos} ({@link System#nanoTime()}) and ended now. */
    public void record(String endpoint, String status, long startedNanos) {
        Timer.builder(name)
                .description("Calls to the catalog, by endpoint and answer status")
                .tag("catalog", catalog)
                .tag("endpoint", endpoint)
                .tag("status", status)
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
