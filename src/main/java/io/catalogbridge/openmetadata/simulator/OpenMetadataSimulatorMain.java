package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.SimulatorFaults;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link OpenMetadataSimulator} on its own, without Spring, for benchmarks and manual tests:
 * <pre>
 * java -cp target/catalog-bridge-0.1.0-SNAPSHOT.jar \
 *      -Dloader.main=io.catalogbridge.openmetadata.simulator.OpenMetadataSimulatorMain \
 *      org.springframework.boot.loader.launch.PropertiesLauncher --port=8585 --seed=42 --tables=1000000
 * </pre>
 * It prints its base URL, the tokens it knows and the catalog's services, then serves until the process is stopped.
 */
public final class OpenMetadataSimulatorMain {

    static final int DEFAULT_PORT = 8585;

    static final String USAGE = """
            Options (all optional):
              --bind=127.0.0.1            address to listen on (0.0.0.0 for every interface)
              --port=8585                 port (0 picks a free one)
              --seed=42                   catalog seed: the same seed and size always give the same catalog
              --tables=10000              number of tables (up to 10,000,000; they cost no memory)
              --threads=8                 server threads
              --version=1.4.0             what GET /api/v1/system/version reports
              --bot-tokens=<jwt>,...      bearer tokens of bots (default: the demo bot token and an expired one)
              --user-tokens=<jwt>,...     bearer tokens of users without bot or admin rights (default: the demo one)
              --admin-tokens=<jwt>,...    bearer tokens of admins (none by default)
              --latency-ms=0              added to every request
              --throttle-every=0          every Nth data request answers 429
              --retry-after=1             Retry-After seconds of a 429 (0: no Retry-After header)
              --burst-every=0             every Nth data request starts a burst of 503s
              --burst-length=3            length of a 503 burst
              --expire-token-after=0      a token answers 401 after N data requests
            """;

    private OpenMetadataSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        OpenMetadataSimulatorSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        OpenMetadataSimulator simulator = OpenMetadataSimulator.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "openmetadata-simulator-shutdown"));
        describe(simulator, System.out);
        new CountDownLatch(1).await(); // the server's threads are daemons: this thread keeps the process alive
    }

    static OpenMetadataSimulatorSettings parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Not an option: " + arg + " (expected --name=value)");
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        OpenMetadataSimulatorSettings defaults = OpenMetadataSimulatorSettings.defaults();
        SimulatorFaults.Settings faults = new SimulatorFaults.Settings(
                Duration.ofMillis(number(options.remove("latency-ms"), 0)),
                (int) number(options.remove("throttle-every"), 0),
                (int) number(options.remove("retry-after"), 1),
                (int) number(options.remove("burst-every"), 0),
                (int) number(options.remove("burst-length"), 3),
                (int) number(options.remove("expire-token-after"), 0));
        List<Principal> principals = new ArrayList<>();
        String bots = options.remove("bot-tokens");
        String users = options.remove("user-tokens");
        String admins = options.remove("admin-tokens");
        if (bots == null && users == null && admins == null) {
            principals.addAll(defaults.principals());
        }
        tokens(bots).forEach(token -> principals.add(Principal.of(token, "bot-" + principals.size(), true, false)));
        tokens(users).forEach(token -> principals.add(Principal.of(token, "user-" + principals.size(), false, false)));
        tokens(admins).forEach(token -> principals.add(Principal.of(token, "admin-" + principals.size(), false,
                true)));
        OpenMetadataSimulatorSettings settings = new OpenMetadataSimulatorSettings(
                options.getOrDefault("bind", defaults.bindAddress()),
                (int) number(options.remove("port"), DEFAULT_PORT),
                (int) number(options.remove("threads"), defaults.threads()),
                number(options.remove("seed"), defaults.seed()),
                (int) number(options.remove("tables"), defaults.tables()),
                options.getOrDefault("version", defaults.version()),
                principals, faults);
        options.remove("bind");
        options.remove("version");
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s): " + options.keySet());
        }
        return settings;
    }

    static void describe(OpenMetadataSimulator simulator, PrintStream out) {
        OpenMetadataCatalog catalog = simulator.catalog();
        out.println("OpenMetadata simulator listening on " + simulator.baseUrl() + " (API under /api/v1), version "
                + simulator.settings().version());
        out.println(catalog + ", faults " + simulator.faults().current());
        for (Principal principal : simulator.settings().principals()) {
            out.println("Token of " + principal.name() + (principal.bot() ? " (bot)" : principal.admin() ? " (admin)"
                    : " (user)") + (principal.expiresAt() == null ? "" : ", expires " + principal.expiresAt())
                    + ": " + principal.token());
        }
        out.printf("%-22s  %-10s  %9s  %7s  %9s  %s%n", "service", "type", "databases", "schemas", "tables",
                "connection");
        for (OmService service : catalog.services()) {
            List<OmDatabase> databases = catalog.databasesOf(service);
            long schemas = databases.stream().mapToLong(d -> catalog.schemasOf(d).size()).sum();
            long tables = databases.stream().flatMap(d -> catalog.schemasOf(d).stream()).mapToLong(OmSchema::size)
                    .sum();
            out.printf("%-22s  %-10s  %9d  %7d  %9d  %s%n", service.name(), service.type().openMetadataName(),
                    databases.size(), schemas, tables, service.account() != null ? "account=" + service.account()
                            : "hostPort=" + service.hostPort());
        }
        out.println("Try: curl -s -H 'Authorization: Bearer <token>' '" + simulator.baseUrl()
                + "/api/v1/tables?limit=2'");
        out.println("Stats: curl -s " + simulator.baseUrl() + "/simulator/stats");
        out.flush();
    }

    private static List<String> tokens(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.split(","));
    }

    private static long number(String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a whole number: " + value);
        }
    }
}
