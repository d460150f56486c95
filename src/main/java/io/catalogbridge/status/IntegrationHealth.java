package io.catalogbridge.status;

import io.catalogbridge.database.SqlQueries;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Records, per tenant and catalog, the last call the catalog answered and the last one that failed for good (after
 * its retries), in {@code integration_health} (the replicas share it). A wing reports each call's end from its call
 * policy ({@link #succeeded}, {@link #failed}); a call made for a credential not yet stored (the integration's
 * {@code PUT}) is not the integration's and is not reported.
 *
 * <p>Never a row per request: a success is written at most every {@code success-write-interval} per tenant and
 * catalog on this replica, unless a failure came since (then at once); a failure at once. The writes happen on a
 * thread of their own, outside the caller's transaction (a job that fails and rolls back still leaves its failure
 * recorded) and off its latency; when the queue of writes is full (the database is gone), they are dropped.
 */
@Component("integrationHealth")
public class IntegrationHealth {

    static final int MAX_MESSAGE = 1000;
    private static final Logger log = LoggerFactory.getLogger(IntegrationHealth.class);

    private record Key(String catalog, String tenant) {
    }

    /** What this replica last wrote of a key: its last success, and whether a failure came after it. */
    private record Written(Instant successAt, boolean failedSince) {
    }

    private final SqlQueries queries;
    private final long successWriteMillis;
    private final Clock clock;
    private final ConcurrentMap<Key, Written> written = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor writer;

    @Autowired
    public IntegrationHealth(SqlQueries queries, StatusProperties properties) {
        this(queries, properties, Clock.systemUTC());
    }

    IntegrationHealth(SqlQueries queries, StatusProperties properties, Clock clock) {
        this.queries = queries;
        this.successWriteMillis = properties.successWriteInterval().toMillis();
        this.clock = clock;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000),
                runnable -> {
                    Thread thread = new Thread(runnable, "integration-health");
                    thread.setDaemon(true);
                    return thread;
                }, (dropped, pool) -> log.warn("Integration health writes are piling up; one was dropped"));
    }

    /** The catalog answered a call of the tenant's integration. */
    public void succeeded(String catalog, String tenant) {
        Instant now = clock.instant();
        Key key = new Key(catalog, tenant);
        boolean[] write = {false};
        written.compute(key, (k, old) -> {
            if (old == null || old.failedSince()
                    || now.toEpochMilli() - old.successAt().toEpochMilli() >= successWriteMillis) {
                write[0] = true;
                return new Written(now, false);
            }
            return old;
        });
        if (write[0]) {
            submit("integration-health-success.sql", Map.of("tenant", tenant, "catalog", catalog,
                    "at", Timestamp.from(now)));
        }
    }

    /**
     * A call of the tenant's integration failed for good. {@code refused}: the catalog refused the stored credential.
     * {@code secrets} (the stored token) are taken out of the message, should the catalog have echoed them.
     */
    public void failed(String catalog, String tenant, String message, boolean refused, String... secrets) {
        Instant now = clock.instant();
        written.compute(new Key(catalog, tenant),
                (k, old) -> new Written(old == null ? Instant.EPOCH : old.successAt(), true));
        Map<String, Object> row = new HashMap<>();
        row.put("tenant", tenant);
        row.put("catalog", catalog);
        row.put("at", Timestamp.from(now));
        row.put("message", redact(message, secrets));
        row.put("refused", refused);
        submit("integration-health-failure.sql", row);
    }

    /** The message as stored: no secret in it, at most {@value #MAX_MESSAGE} characters. */
    static String redact(String message, String... secrets) {
        String text = message == null || message.isBlank() ? "unknown failure" : message;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                text = text.replace(secret, "<redacted>");
            }
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE - 3) + "..." : text;
    }

    /** Waits (a little) until the writes asked so far are done: for tests and shutdown. */
    public void flush() {
        try {
            writer.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("Integration health writes not flushed: {}", e.toString());
        }
    }

    /** Forgets what this replica wrote, so that the next success is written at once (tests that clear the table). */
    void forgetWritten() {
        written.clear();
    }

    private void submit(String file, Map<String, Object> parameters) {
        if (writer.isShutdown()) {
            return;
        }
        writer.execute(() -> {
            try {
                queries.update(file, parameters);
            } catch (RuntimeException e) {
                log.warn("The health of the {} integration of tenant {} could not be recorded: {}",
                        parameters.get("catalog"), parameters.get("tenant"), e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
