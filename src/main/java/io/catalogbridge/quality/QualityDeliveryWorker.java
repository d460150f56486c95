package io.catalogbridge.quality;

import io.catalogbridge.mapping.MappingStates;
import io.catalogbridge.quality.QualityBatch.Verdict;
import io.catalogbridge.quality.QualityDeliveries.ClaimedDelivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The delivery worker's rules, applied by the {@code quality-delivery} route at each tick: which catalogs have a
 * delivery route, the claim of a catalog's due deliveries grouped by tenant into {@link QualityBatch}es, and what
 * becomes of each delivery once its wing has returned (its verdict) or thrown (the whole batch is retried, with a
 * backoff growing with the delivery's attempts: {@code retry-initial-delay}·2^(attempts−1), at most
 * {@code retry-max-delay}).
 */
@Component("qualityDeliveryWorker")
public class QualityDeliveryWorker {

    /** A wing delivers a tenant's batch at this endpoint, {@code <catalog>} its id. */
    static final String DELIVERY_ENDPOINT = "direct:deliver-%s-quality";

    private static final Logger log = LoggerFactory.getLogger(QualityDeliveryWorker.class);

    private final CamelContext camelContext;
    private final QualityDeliveries deliveries;
    private final QualityCatalogs catalogs;
    private final QualityDeliveryMetrics metrics;
    private final MappingStates mappingStates;
    private final int batchSize;
    private final int claimsPerTick;
    private final Duration lease;
    private final Duration retryInitialDelay;
    private final Duration retryMaxDelay;

    public QualityDeliveryWorker(CamelContext camelContext, QualityDeliveries deliveries, QualityCatalogs catalogs,
            QualityDeliveryMetrics metrics, MappingStates mappingStates,
            @Value("${catalog-bridge.quality.delivery.batch-size:1000}") int batchSize,
            @Value("${catalog-bridge.quality.delivery.claims-per-tick:20}") int claimsPerTick,
            @Value("${catalog-bridge.quality.delivery.lease:5m}") Duration lease,
            @Value("${catalog-bridge.quality.delivery.retry-initial-delay:5s}") Duration retryInitialDelay,
            @Value("${catalog-bridge.quality.delivery.retry-max-delay:10m}") Duration retryMaxDelay) {
        this.camelContext = camelContext;
        this.deliveries = deliveries;
        this.catalogs = catalogs;
        this.metrics = metrics;
        this.mappingStates = mappingStates;
        this.batchSize = batchSize;
        this.claimsPerTick = claimsPerTick;
        this.lease = lease;
        this.retryInitialDelay = retryInitialDelay;
        this.retryMaxDelay = retryMaxDelay;
    }

    /**
     * The catalogs whose wing has a delivery route. A wing without one yet keeps its deliveries PENDING, untouched:
     * claiming them would only count failed attempts against rows no one can deliver.
     */
    public List<String> deliverable() {
        List<String> found = new ArrayList<>();
        for (String catalog : catalogs.all()) {
            if (hasRoute(camelContext, endpoint(catalog))) {
                found.add(catalog);
            }
        }
        return found;
    }

    /** The endpoint at which the catalog's wing delivers a batch. */
    public String endpoint(String catalog) {
        return DELIVERY_ENDPOINT.formatted(catalog);
    }

    /** Claims the catalog's due deliveries (up to {@code batch-size}, for a {@code lease}), one batch per tenant. */
    public List<QualityBatch> claim(String catalog) {
        Map<String, List<ClaimedDelivery>> byTenant = new LinkedHashMap<>();
        for (ClaimedDelivery delivery : deliveries.claim(catalog, batchSize, lease)) {
            byTenant.computeIfAbsent(delivery.tenant(), t -> new ArrayList<>()).add(delivery);
        }
        List<QualityBatch> batches = new ArrayList<>();
        byTenant.forEach((tenant, claimed) -> batches.add(new QualityBatch(catalog, tenant, claimed)));
        return batches;
    }

    /**
     * Whether to claim again at once after claim number {@code loopIndex} (from 0) of a tick: when it came back full
     * (more are probably due), up to {@code claims-per-tick} claims.
     */
    public boolean claimAgain(List<QualityBatch> claimed, int loopIndex) {
        int size = claimed.stream().mapToInt(b -> b.deliveries().size()).sum();
        return size >= batchSize && loopIndex + 1 < claimsPerTick;
    }

    /** Whether the batch's tenant still has an integration of its catalog, with its quality push on. */
    public boolean configured(QualityBatch batch) {
        return catalogs.configured(batch.catalog(), batch.tenant());
    }

    /**
     * The tenant removed its integration since the results came, or turned its quality push off: nothing is delivered
     * there (turning the push on again, or a new integration, queues every result again).
     */
    public void noIntegration(QualityBatch batch) {
        batch.failRest("The tenant has no " + batch.catalog() + " integration, or its quality push is off");
        settle(batch);
    }

    /** After the wing returned: completes what it delivered, fails what it refused, retries the rest. */
    public void settle(QualityBatch batch) {
        List<QualityDeliveries.Completion> completed = new ArrayList<>();
        int failed = 0;
        for (ClaimedDelivery delivery : batch.deliveries()) {
            Verdict verdict = batch.verdict(delivery);
            if (verdict == null) {
                deliveries.retry(delivery, "The " + batch.catalog() + " wing did not deliver it; tried again",
                        backoff(delivery));
            } else if (verdict.delivered()) {
                completed.add(new QualityDeliveries.Completion(delivery, verdict.location(), verdict.unmapped()));
            } else {
                deliveries.fail(delivery, verdict.reason());
                if (verdict.unknownTableId() != null) {
                    mappingStates.markGone(batch.tenant(), batch.catalog(), delivery.assetId(),
                            verdict.unknownTableId(), verdict.reason());
                }
                failed++;
            }
        }
        // what was delivered is completed in one statement: a batch of 1,000 is one commit, not 1,000
        deliveries.completeAll(batch.tenant(), batch.catalog(), completed);
        int delivered = completed.size();
        metrics.settled(batch.catalog(), delivered, failed);
        log.debug("{}: {} delivered, {} failed, {} to retry", batch, delivered, failed,
                batch.deliveries().size() - delivered - failed);
    }

    /** The wing threw (the catalog is down, throttles, answers 5xx): every delivery of the batch is retried. */
    public void retryAll(QualityBatch batch, Exception failure) {
        String error = failure == null ? "The delivery failed" : failure.getMessage();
        log.warn("{} not delivered, retried later: {}", batch, error);
        for (ClaimedDelivery delivery : batch.deliveries()) {
            deliveries.retry(delivery, error, backoff(delivery));
        }
    }

    /** {@code retry-initial-delay}·2^(attempts−1), capped at {@code retry-max-delay}. */
    Duration backoff(ClaimedDelivery delivery) {
        int doublings = Math.min(Math.max(delivery.attempts() - 1, 0), 30);
        Duration delay = retryInitialDelay.multipliedBy(1L << doublings);
        return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
    }

    private static boolean hasRoute(CamelContext context, String uri) {
        String path = uri.substring(uri.indexOf(':') + 1);
        for (Route route : context.getRoutes()) {
            String from = route.getEndpoint().getEndpointBaseUri();
            if (from.equals(uri) || from.equals("direct://" + path)) {
                return true;
            }
        }
        return false;
    }
}
