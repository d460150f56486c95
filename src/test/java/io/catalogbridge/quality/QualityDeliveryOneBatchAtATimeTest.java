package io.catalogbridge.quality;

import static io.catalogbridge.quality.QualityFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catalogbridge.alation.simulator.BulkJobs;
import io.catalogbridge.alation.simulator.JobBehaviour;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A replica's worker delivers one batch at a time: a batch waiting for its bulk job (an asynchronous delay between
 * polls) does not free the worker to claim the next, so Alation never sees two of one replica's calls at once, as
 * its guidance asks.
 */
class QualityDeliveryOneBatchAtATimeTest extends AlationQualityTestSupport {

    @Test
    void aResultThatComesWhileABatchWaitsForItsJobGoesOnlyAfterIt() throws Exception {
        registerAndMap("a1", table(1));
        registerAndMap("a2", table(2));
        registerAndMap("a3", table(3));
        // each job runs for 10 polls (50 ms apart): half a second in which the worker ticks five times
        simulator.quality().jobs().behaviour(JobBehaviour.DEFAULT.withRunningPolls(10));
        AtomicInteger mostRunning = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                int running = (int) simulator.quality().jobs().all().stream().filter(j -> !j.finished()).count();
                mostRunning.accumulateAndGet(running, Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        try {
            post(result("a1", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T09:00:00Z"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !simulator.quality().jobs().all().isEmpty());
            post(result("a2", "freshness", null, "GOOD", "NUMERIC", "2", "2026-12-01T09:00:00Z"));
            Thread.sleep(150);
            post(result("a3", "freshness", null, "GOOD", "NUMERIC", "3", "2026-12-01T09:00:00Z"));

            awaitState("a1", "freshness", null, "DELIVERED");
            awaitState("a2", "freshness", null, "DELIVERED");
            awaitState("a3", "freshness", null, "DELIVERED");
        } finally {
            watcher.interrupt();
            watcher.join();
        }

        assertThat(simulator.quality().jobs().all()).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(j -> j.status().equals(BulkJobs.SUCCESSFUL));
        assertThat(mostRunning.get()).as("bulk jobs running at once").isEqualTo(1);
        assertThat(value(FRESHNESS, table(3).key()).value()).isEqualTo(3);
    }
}
