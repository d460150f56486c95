package io.catalogbridge.client;

import java.time.Duration;

/**
 * A catalog's retry settings, as its configuration block ({@code catalog-bridge.<catalog>.*}) gives them: a wing's
 * properties record implements this with its {@code max-attempts}, {@code retry-initial-delay} and
 * {@code retry-max-delay}.
 */
public interface RetrySettings {

    /** Attempts per call when the catalog throttles (429), fails (5xx) or cannot be reached. */
    int maxAttempts();

    /** The first backoff; it doubles per attempt, with jitter, unless Retry-After says otherwise. */
    Duration retryInitialDelay();

    /** The longest wait between attempts, Retry-After included. */
    Duration retryMaxDelay();
}
