package io.catalogbridge.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * A simulator's command line: {@code --name=value} options, each taken once by its reader (so what is left at the end
 * is unknown), the fault options every simulator shares, and the run of a simulator's {@code main}.
 */
public final class SimulatorOptions {

    private final Map<String, String> options = new LinkedHashMap<>();

    private SimulatorOptions(String[] args) {
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Not an option: " + arg + " (expected --name=value)");
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
    }

    /** The options given; an IllegalArgumentException if an argument is not {@code --name=value}. */
    public static SimulatorOptions parse(String[] args) {
        return new SimulatorOptions(args);
    }

    /** Takes an option's text, null when it is not given. */
    public String take(String name) {
        return options.remove(name);
    }

    public String text(String name, String fallback) {
        String value = take(name);
        return value == null ? fallback : value;
    }

    public long number(String name, long fallback) {
        return wholeNumber(take(name), fallback);
    }

    public int intNumber(String name, int fallback) {
        return (int) wholeNumber(take(name), fallback);
    }

    public Duration duration(String name, Duration fallback) {
        String value = take(name);
        try {
            return value == null ? fallback : Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not an ISO-8601 duration (e.g. PT24H): " + value);
        }
    }

    /** The faults of {@code --latency-ms}, {@code --throttle-every}, {@code --retry-after}, {@code --burst-every},
     *  {@code --burst-length} and {@code --expire-token-after}; unset ones are off. */
    public SimulatorFaults.Settings faults() {
        return new SimulatorFaults.Settings(
                Duration.ofMillis(number("latency-ms", 0)),
                intNumber("throttle-every", 0),
                intNumber("retry-after", 1),
                intNumber("burst-every", 0),
                intNumber("burst-length", 3),
                intNumber("expire-token-after", 0));
    }

    /** Refuses any option no reader took. */
    public void requireAllTaken() {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s): " + options.keySet());
        }
    }

    /** A whole number, underscores allowed ({@code 1_000_000}); {@code fallback} when null. */
    public static long wholeNumber(String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a whole number: " + value);
        }
    }

    /** Starts a simulator from its settings. */
    @FunctionalInterface
    public interface Starter<S, T extends AutoCloseable> {
        T start(S settings) throws Exception;
    }

    /** Prints what a started simulator serves. */
    @FunctionalInterface
    public interface Describer<T> {
        void describe(T simulator, PrintStream out);
    }

    /**
     * A simulator's {@code main}: {@code --help} prints the usage; bad options print why and the usage and exit 2;
     * else it starts the simulator, closes it on shutdown (thread {@code name-shutdown}), describes it and serves
     * until the process is stopped.
     */
    public static <S, T extends AutoCloseable> void run(String[] args, String usage, String name,
                                                       Function<String[], S> parse, Starter<S, T> starter,
                                                       Describer<T> describer) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(usage);
            return;
        }
        S settings;
        try {
            settings = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return;
        }
        T simulator = starter.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                simulator.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, name + "-shutdown"));
        describer.describe(simulator, System.out);
        new CountDownLatch(1).await(); // the server's threads are daemons: this thread keeps the process alive
    }
}
