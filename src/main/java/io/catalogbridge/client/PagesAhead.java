package io.catalogbridge.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.camel.Exchange;

/**
 * The requests of one listing asked for ahead of the loop, oldest first: each a copy of the listing's exchange with
 * the request set up (kept, to predict the one after it) and its answer to come. Owned by the listing's thread.
 */
final class PagesAhead {

    /** One request in flight (or answered, not taken yet). */
    record Ahead(Object request, Exchange setUp, Map<String, Object> propertiesSent,
            CompletableFuture<Exchange> answer) {
    }

    private final Deque<Ahead> queue = new ArrayDeque<>();
    /** A prediction missed once: the catalog's next pages are not what the wing predicts; only links are followed. */
    private boolean predictionMissed;
    private long discarded;

    int size() {
        return queue.size();
    }

    Ahead last() {
        return queue.peekLast();
    }

    Ahead first() {
        return queue.peekFirst();
    }

    boolean predictionMissed() {
        return predictionMissed;
    }

    long discarded() {
        return discarded;
    }

    void add(Ahead ahead) {
        queue.addLast(ahead);
    }

    /** The answer for {@code request} when it is the oldest asked for; null when none is (then none is kept). */
    Ahead take(Object request) {
        Ahead first = queue.peekFirst();
        if (first != null && Objects.equals(first.request(), request)) {
            return queue.pollFirst();
        }
        if (!queue.isEmpty()) {
            predictionMissed = true;
            settle();
        }
        return null;
    }

    /**
     * Waits out every request still open and drops its answer (a failure too: it was a guess nobody needs): the
     * listing never leaves a request of its own running behind it, nor more than its limit open at once.
     */
    void settle() {
        Ahead ahead;
        while ((ahead = queue.pollFirst()) != null) {
            discarded++;
            try {
                await(ahead);
            } catch (IllegalStateException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
            }
        }
    }

    /** The answer exchange of a request; an interrupt is kept and fails the listing. */
    static Exchange await(Ahead ahead) {
        try {
            return ahead.answer().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a catalog's page", e);
        } catch (ExecutionException | CancellationException e) {
            throw new IllegalStateException("A catalog's page could not be asked for", e);
        }
    }

    /** The properties as they were when the request was sent: what the request changed is told from them. */
    static Map<String, Object> snapshot(Exchange exchange) {
        return new HashMap<>(exchange.getProperties());
    }
}
