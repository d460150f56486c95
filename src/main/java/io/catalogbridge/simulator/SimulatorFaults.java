package io.catalogbridge.simulator;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The faults a running simulator injects, switchable at any time from any thread. Each change replaces one immutable
 * {@link Settings}, so a request always sees one consistent set.
 *
 * <p>Data requests (every call that needs an access token) are numbered 1, 2, 3, ... from start or from the last
 * stats reset. Request {@code n} is answered, in this order: 503 when {@code n} falls in a burst (bursts start at
 * every multiple of {@code burstEvery} and last {@code burstLength} requests); the catalog's refusal of a token (its
 * own status and body) when the token is missing, unknown, past its lifetime, or has already served
 * {@code expireTokenAfter} requests; 429 when {@code n} is a multiple of {@code throttleEvery}. Each simulator gives
 * these answers the shape its catalog and the proxy in front of it would. The latency is added to every request but
 * the simulator's own {@code /simulator/} calls.
 */
public final class SimulatorFaults {

    /** One consistent set of faults; zero switches a fault off. */
    public record Settings(
            Duration latency, int throttleEvery, int retryAfterSeconds, int burstEvery, int burstLength,
            int expireTokenAfter) {

        public static final Settings NONE = new Settings(Duration.ZERO, 0, 1, 0, 3, 0);

        public Settings {
            if (latency == null || latency.isNegative()) {
                throw new IllegalArgumentException("latency must be zero or positive");
            }
            if (throttleEvery < 0 || retryAfterSeconds < 0 || burstEvery < 0 || burstLength < 0
                    || expireTokenAfter < 0) {
                throw new IllegalArgumentException("fault settings may not be negative: " + this);
            }
            if (burstEvery > 0 && (burstLength < 1 || burstLength >= burstEvery)) {
                // a burst as long as its period would never end
                throw new IllegalArgumentException("burstLength must be between 1 and burstEvery - 1, not "
                        + burstLength + " for burstEvery " + burstEvery);
            }
        }

        /** Whether data request {@code n} falls in a 503 burst. */
        public boolean inBurst(long n) {
            return burstEvery > 0 && n >= burstEvery && n % burstEvery < burstLength;
        }

        /** Whether data request {@code n} is throttled (429). */
        public boolean throttles(long n) {
            return throttleEvery > 0 && n % throttleEvery == 0;
        }
    }

    private volatile Settings current;
    private volatile boolean down;

    public SimulatorFaults(Settings initial) {
        this.current = initial;
    }

    public Settings current() {
        return current;
    }

    public SimulatorFaults set(Settings settings) {
        current = settings;
        return this;
    }

    /** Switches every fault off, an outage too. */
    public SimulatorFaults clear() {
        down = false;
        return set(Settings.NONE);
    }

    /**
     * An outage: while down, every request (token requests too) answers the load balancer's 503, as an instance
     * that is down behind its proxy does; the catalog's state stays as it was for when it is back.
     */
    public SimulatorFaults down(boolean outage) {
        down = outage;
        return this;
    }

    /** Whether the catalog is down ({@link #down}). */
    public boolean isDown() {
        return down;
    }

    public SimulatorFaults latency(Duration latency) {
        return update(s -> new Settings(latency, s.throttleEvery(), s.retryAfterSeconds(), s.burstEvery(),
                s.burstLength(), s.expireTokenAfter()));
    }

    /** Every {@code every}-th data request answers 429 with {@code Retry-After: retryAfterSeconds}; 0 switches off. */
    public SimulatorFaults throttle(int every, int retryAfterSeconds) {
        return update(s -> new Settings(s.latency(), every, retryAfterSeconds, s.burstEvery(), s.burstLength(),
                s.expireTokenAfter()));
    }

    /** Every {@code every}-th data request starts {@code length} consecutive 503 answers; 0 switches off. */
    public SimulatorFaults bursts(int every, int length) {
        return update(s -> new Settings(s.latency(), s.throttleEvery(), s.retryAfterSeconds(), every, length,
                s.expireTokenAfter()));
    }

    /** An access token expires once it has served {@code requests} data requests; 0 switches off. */
    public SimulatorFaults expireTokensAfter(int requests) {
        return update(s -> new Settings(s.latency(), s.throttleEvery(), s.retryAfterSeconds(), s.burstEvery(),
                s.burstLength(), requests));
    }

    private synchronized SimulatorFaults update(UnaryOperator<Settings> change) {
        current = change.apply(current);
        return this;
    }

    @Override
    public String toString() {
        return "SimulatorFaults" + current + (down ? " down" : "");
    }
}
