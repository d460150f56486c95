package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorFaults;
import io.catalogbridge.simulator.SimulatorOptions;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an {@link AlationSimulator} on its own, without Spring, for benchmarks and manual tests:
 * <pre>
 * java -cp target/catalog-bridge-0.1.0-SNAPSHOT.jar -Dloader.main=io.catalogbridge.alation.simulator.AlationSimulatorMain \
 *      org.springframework.boot.loader.launch.PropertiesLauncher --port=8090 --seed=42 --tables=1000000
 * </pre>
 * It prints its base URL and the catalog's data sources, then serves until the process is stopped.
 */
public final class AlationSimulatorMain {

    static final int DEFAULT_PORT = 8090;

    static final String USAGE = """
            Options (all optional):
              --bind=127.0.0.1            address to listen on (0.0.0.0 for every interface)
              --port=8090                 port (0 picks a free one)
              --seed=42                   catalog seed: the same seed and size always give the same catalog
              --tables=10000              number of tables (up to 100,000,000; they cost no memory)
              --threads=8                 server threads
              --token-ttl=PT24H           access-token lifetime (ISO-8601 duration)
              --users=1:demo-refresh-token  user_id:refresh_token pairs, comma-separated
              --latency-ms=0              added to every request
              --throttle-every=0          every Nth data request answers 429
              --retry-after=1             Retry-After seconds of a 429
              --burst-every=0             every Nth data request starts a burst of 503s
              --burst-length=3            length of a 503 burst
              --expire-token-after=0      an access token expires after N data requests
              --job-running-polls=1       polls a bulk job answers "running" before it ends
              --job-running-ms=0          the least time a bulk job runs
              --job-outcome=succeed       how bulk jobs end: succeed, fail or never_end
              --job-unknown-status-polls=0  polls answered "partially_successful" before the end
              --cloud-native=true         a custom-field write starts two jobs (false: one)
              --rich-text-fields=10012    the rich-text custom field ids, comma-separated
              --max-quality-items=1000    the most fields, and values, one data-quality call may hold
            """;

    private AlationSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        SimulatorOptions.run(args, USAGE, "alation-simulator", AlationSimulatorMain::parse, AlationSimulator::start,
                AlationSimulatorMain::describe);
    }

    static SimulatorSettings parse(String[] args) {
        SimulatorOptions options = SimulatorOptions.parse(args);
        SimulatorSettings defaults = SimulatorSettings.defaults();
        SimulatorFaults.Settings faults = options.faults();
        SimulatorSettings settings = new SimulatorSettings(
                options.text("bind", defaults.bindAddress()),
                options.intNumber("port", DEFAULT_PORT),
                options.intNumber("threads", defaults.threads()),
                options.number("seed", defaults.seed()),
                options.intNumber("tables", defaults.tables()),
                options.duration("token-ttl", defaults.tokenTtl()),
                users(options.take("users"), defaults.users()),
                faults,
                writes(options));
        options.requireAllTaken();
        return settings;
    }

    static void describe(AlationSimulator simulator, PrintStream out) {
        SimulatedCatalog catalog = simulator.catalog();
        out.println("Alation simulator listening on " + simulator.baseUrl());
        out.println(catalog + ", users " + simulator.settings().users().keySet() + ", token lifetime "
                + simulator.settings().tokenTtl() + ", faults " + simulator.faults().current());
        out.printf("%4s  %-9s  %-10s  %-32s  %7s  %9s  %s%n", "id", "kind", "dbtype", "title", "schemas", "tables",
                "uri");
        for (SimulatedDataSource source : catalog.dataSources()) {
            var schemas = catalog.schemas(source.id());
            out.printf("%4d  %-9s  %-10s  %-32s  %7d  %9d  %s%n", source.id(),
                    source.isNative() ? "v1" : "v2 (OCF)", source.dbType().alationName(), source.title(),
                    schemas.size(), schemas.stream().mapToLong(SimulatedSchema::tableCount).sum(), source.uri());
        }
        out.println("Token: curl -s -X POST " + simulator.baseUrl() + "/integration/v1/createAPIAccessToken/"
                + " -H 'Content-Type: application/json' -d '{\"user_id\": <id>, \"refresh_token\": \"<token>\"}'");
        out.println("Stats: curl -s " + simulator.baseUrl() + "/simulator/stats");
        out.flush();
    }

    static WriteSettings writes(SimulatorOptions options) {
        WriteSettings defaults = WriteSettings.DEFAULT;
        String outcome = options.text("job-outcome", defaults.jobs().outcome().name());
        JobBehaviour jobs = new JobBehaviour(options.intNumber("job-running-polls", defaults.jobs().runningPolls()),
                java.time.Duration.ofMillis(options.number("job-running-ms", 0)),
                outcomeOf(outcome), options.intNumber("job-unknown-status-polls", 0));
        String cloudNative = options.text("cloud-native", String.valueOf(defaults.cloudNative()));
        if (!cloudNative.equals("true") && !cloudNative.equals("false")) {
            throw new IllegalArgumentException("--cloud-native is true or false, not " + cloudNative);
        }
        String fields = options.take("rich-text-fields");
        java.util.Set<Long> fieldIds = fields == null ? defaults.richTextFieldIds()
                : java.util.Arrays.stream(fields.split(",")).map(id -> SimulatorOptions.wholeNumber(id.strip(), 0))
                        .collect(java.util.stream.Collectors.toSet());
        return new WriteSettings(jobs, Boolean.parseBoolean(cloudNative), fieldIds,
                options.intNumber("max-quality-items", defaults.maxQualityItems()));
    }

    private static JobBehaviour.Outcome outcomeOf(String name) {
        try {
            return JobBehaviour.Outcome.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--job-outcome is succeed, fail or never_end, not " + name);
        }
    }

    private static Map<Long, String> users(String value, Map<Long, String> fallback) {
        if (value == null) {
            return fallback;
        }
        Map<Long, String> users = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 1 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("Not a user_id:refresh_token pair: " + pair);
            }
            users.put(SimulatorOptions.wholeNumber(pair.substring(0, colon), 0), pair.substring(colon + 1));
        }
        return users;
    }
}
