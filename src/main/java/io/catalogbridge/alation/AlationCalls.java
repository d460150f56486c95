package io.catalogbridge.alation;

import io.catalogbridge.api.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The policy of one call to Alation, applied by the {@code alation-get} pipeline around each attempt: what to send,
 * and what an answer means: done, mint a new token and try again (401/403, once), back off and try again (429, 5xx,
 * connection failure or timeout, up to {@code max-attempts}), or fail with a message that names the endpoint.
 * Every attempt is timed into the {@code catalog_bridge.alation.requests} timer, by endpoint and status.
 */
@Component("alationCalls")
public class AlationCalls {

    public static final String CONNECTION = "alationConnection";
    public static final String REQUEST_URL = "alationRequestUrl";
    public static final String REQUEST_QUERY = "alationRequestQuery";
    public static final String ACCESS_TOKEN = "alationAccessToken";
    static final String ATTEMPT = "alationAttempt";
    static final String REMINTED = "alationReminted";
    static final String RETRY_DELAY = "alationRetryDelay";
    static final String STARTED = "alationCallStarted";
    static final String IO_FAILURE = "alationIoFailure";

    public static final String OK = "ok";
    public static final String REMINT = "remint";
    public static final String RETRY = "retry";

    private static final Logger log = LoggerFactory.getLogger(AlationCalls.class);

    private final AlationProperties properties;
    private final AlationErrors errors;
    private final MeterRegistry meters;
    private final Clock clock;

    @Autowired
    public AlationCalls(AlationProperties properties, AlationErrors errors, MeterRegistry meters) {
        this(properties, errors, meters, Clock.systemUTC());
    }

    AlationCalls(AlationProperties properties, AlationErrors errors, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.errors = errors;
        this.meters = meters;
        this.clock = clock;
    }

    /** Before the first attempt of a call. */
    public void begin(Exchange exchange) {
        exchange.setProperty(ATTEMPT, 0);
        exchange.setProperty(REMINTED, false);
    }

    /** Before each attempt: the request carries the access token and the query, and nothing else of the exchange. */
    public void prepare(Exchange exchange) {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(null);
        message.setHeader("TOKEN", exchange.getProperty(ACCESS_TOKEN, String.class));
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader("Accept", "application/json");
        String query = exchange.getProperty(REQUEST_QUERY, String.class);
        if (query != null && !query.isEmpty()) {
            message.setHeader(Exchange.HTTP_QUERY, query);
        }
        exchange.removeProperty(IO_FAILURE);
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /** The attempt could not get an answer: connection refused or reset, timeout, unknown host. */
    public void connectionFailed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.setProperty(IO_FAILURE, failure == null ? "I/O error" : failure.getClass().getSimpleName());
    }

    /**
     * Judges the answer of an attempt. Answers {@link #OK}, {@link #REMINT} or {@link #RETRY} (with the wait set in
     * {@code alationRetryDelay}); throws when the call has failed for good.
     */
    public String classify(Exchange exchange) {
        AlationConnection connection = exchange.getProperty(CONNECTION, AlationConnection.class);
        String endpoint = endpointOf(exchange.getProperty(REQUEST_URL, String.class));
        String ioFailure = exchange.getProperty(IO_FAILURE, String.class);
        int status = ioFailure != null ? 0 : exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        record(endpoint, ioFailure != null ? "io_error" : Integer.toString(status), exchange);
        int attempt = exchange.getProperty(ATTEMPT, 0, Integer.class) + 1;
        exchange.setProperty(ATTEMPT, attempt);
        String call = "GET " + endpoint;

        if (status >= 200 && status < 300) {
            return OK;
        }
        if (status == 401 || status == 403) {
            if (!exchange.getProperty(REMINTED, false, Boolean.class)) {
                exchange.setProperty(REMINTED, true);
                exchange.setProperty(ATTEMPT, attempt - 1);
                log.info("Alation refused the access token of tenant {} on {} ({}); minting a new one",
                        connection.tenant(), call, status);
                return REMINT;
            }
            String body = bodyOf(exchange);
            String reason = errors.reason(body, status);
            if (errors.saysNotAuthenticated(body, status)) {
                // Alation did not take the token at all: not a permission of the user's, whatever the status
                throw new ProblemException.AlationBadResponse("Alation refused " + call + " (HTTP " + status
                        + ") even with a fresh access token: it did not accept the token as credentials (Alation said: "
                        + reason + "); a proxy in front of Alation that drops the TOKEN header does this");
            }
            throw new ProblemException.AlationBadResponse("Alation refused " + call + " (HTTP " + status
                    + ") even with a fresh access token: the user lacks permission there (" + reason + ")");
        }
        if (!isRetryable(ioFailure, status)) {
            throw new ProblemException.AlationBadResponse("Alation answered " + call + " with HTTP " + status + ": "
                    + errors.reason(bodyOf(exchange), status));
        }
        return retryOrGiveUp(exchange, connection.tenant(), call, attempt, ioFailure, status);
    }

    /** Throttling, a server error or no answer at all: worth another attempt. */
    static boolean isRetryable(String ioFailure, int status) {
        return ioFailure != null || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * The retry policy of every call to Alation (data calls and the token exchange alike): after the
     * {@code attempt}-th retryable failure, either answers {@link #RETRY} with the wait in {@code alationRetryDelay}
     * (Retry-After when Alation sent one, else exponential backoff with jitter), or, once {@code max-attempts} are
     * spent, throws a 502 naming the call and the last failure.
     */
    String retryOrGiveUp(Exchange exchange, String tenant, String call, int attempt, String ioFailure, int status) {
        String what = ioFailure != null ? ioFailure : "HTTP " + status;
        if (attempt >= properties.maxAttempts()) {
            throw new ProblemException.AlationUnavailable(ioFailure != null
                    ? "Alation could not be reached for " + call + " " + attempt + " times in a row (last: " + what
                            + "); giving up"
                    : "Alation failed " + call + " " + attempt + " times in a row (last: " + what + "); giving up");
        }
        long delay = retryDelay(attempt, exchange.getMessage().getHeader("Retry-After", String.class));
        exchange.setProperty(RETRY_DELAY, delay);
        log.warn("Alation answered {} to {} for tenant {}; attempt {} of {}, next in {} ms", what, call, tenant,
                attempt, properties.maxAttempts(), delay);
        return RETRY;
    }

    /** Retry-After (seconds or HTTP date) when Alation sends one, else exponential backoff with jitter; capped. */
    long retryDelay(int attempt, String retryAfter) {
        long max = properties.retryMaxDelay().toMillis();
        Long asked = parseRetryAfter(retryAfter);
        if (asked != null) {
            return Math.min(max, Math.max(0, asked));
        }
        long base = properties.retryInitialDelay().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(max, base);
        // "equal jitter": at least half the backoff, so retries from several callers spread out but never bunch up
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    private Long parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(trimmed)).toMillis();
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Duration.between(clock.instant(), when.toInstant()).toMillis();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    void record(String endpoint, String status, Exchange exchange) {
        Long started = exchange.getProperty(STARTED, Long.class);
        if (started == null) {
            return;
        }
        Timer.builder("catalog_bridge.alation.requests")
                .description("Calls to Alation, by endpoint and answer status")
                .tag("endpoint", endpoint)
                .tag("status", status)
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - started));
    }

    private static String bodyOf(Exchange exchange) {
        return exchange.getMessage().getBody(String.class);
    }

    /** The endpoint's path with ids replaced ({@code /integration/v1/datasource/{id}/}), for logs and metrics. */
    static String endpointOf(String url) {
        if (url == null) {
            return "?";
        }
        String path = java.net.URI.create(url).getPath();
        return path == null ? "?" : path.replaceAll("/\\d+/", "/{id}/");
    }
}
