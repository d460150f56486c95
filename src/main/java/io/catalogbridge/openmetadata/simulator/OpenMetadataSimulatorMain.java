package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.SimulatorFaults;
import io.catalogbridge.simulator.SimulatorOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

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
        SimulatorOptions.run(args, USAGE, "openmetadata-simulator", OpenMetadataSimulatorMain::parse,
                OpenMetadataSimulator::start, OpenMetadataSimulatorMain::describe);
    }

    static OpenMetadataSimulatorSettings parse(String[] args) {
        SimulatorOptions options = SimulatorOptions.parse(args);
        OpenMetadataSimulatorSettings defaults = OpenMetadataSimulatorSettings.defaults();
        SimulatorFaults.Settings faults = options.faults();
        List<Principal> principals = new ArrayList<>();
        String bots = options.take("bot-tokens");
        String users = options.take("user-tokens");
        String admins = options.take("admin-tokens");
        if (bots == null && users == null && admins == null) {
            principals.addAll(defaults.principals());
        }
        tokens(bots).forEach(token -> principals.add(Principal.of(token, "bot-" + principals.size(), true, false)));
        tokens(users).forEach(token -> principals.add(Principal.of(token, "user-" + principals.size(), false, false)));
        tokens(admins).forEach(token -> principals.add(Principal.of(token, "admin-" + principals.size(), false,
                true)));
        OpenMetadataSimulatorSettings settings = new OpenMetadataSimulatorSettings(
                options.text("bind", defaults.bindAddress()),
                options.intNumber("port", DEFAULT_PORT),
                options.intNumber("threads", defaults.threads()),
                options.number("seed", defaults.seed()),
                options.intNumber("tables", defaults.tables()),
                options.text("version", defaults.version()),
                principals, faults);
        options.requireAllTaken();
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
}
