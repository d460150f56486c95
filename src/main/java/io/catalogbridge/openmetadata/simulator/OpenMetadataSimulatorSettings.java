package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.SimulatorFaults;
import io.catalogbridge.simulator.SimulatorSettingsRules;
import java.util.List;

/**
 * How to start an {@link OpenMetadataSimulator}: where it listens, the catalog it serves (seed and size), the server
 * version it reports, the bearer tokens it knows, and the faults it starts with. Port 0 picks a free port.
 */
public record OpenMetadataSimulatorSettings(
        String bindAddress, int port, int threads, long seed, int tables, String version, List<Principal> principals,
        SimulatorFaults.Settings faults) {

    public static final String DEFAULT_VERSION = "1.4.0";

    public OpenMetadataSimulatorSettings {
        SimulatorSettingsRules.requireServer(bindAddress, port, threads);
        SimulatorSettingsRules.requireTables(tables, OpenMetadataCatalog.MAX_TABLES);
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version is required, e.g. " + DEFAULT_VERSION);
        }
        principals = List.copyOf(principals);
        if (faults == null) {
            faults = SimulatorFaults.Settings.NONE;
        }
    }

    /** The demo's three tokens: the ingestion bot, the user data.steward (no bot, no admin), an expired bot. */
    public static List<Principal> demoPrincipals() {
        return List.of(Principal.of(Principal.DEMO_BOT_TOKEN, "ingestion-bot", true, false),
                Principal.of(Principal.DEMO_USER_TOKEN, "data.steward", false, false),
                Principal.of(Principal.DEMO_EXPIRED_TOKEN, "expired-bot", true, false));
    }

    /** Loopback, a free port, 8 threads, seed 42, 10,000 tables, version 1.4.0, the demo tokens, no faults. */
    public static OpenMetadataSimulatorSettings defaults() {
        return new OpenMetadataSimulatorSettings("127.0.0.1", 0, 8, 42, 10_000, DEFAULT_VERSION, demoPrincipals(),
                SimulatorFaults.Settings.NONE);
    }

    public OpenMetadataSimulatorSettings withPort(int port) {
        return new OpenMetadataSimulatorSettings(bindAddress, port, threads, seed, tables, version, principals,
                faults);
    }

    public OpenMetadataSimulatorSettings withCatalog(long seed, int tables) {
        return new OpenMetadataSimulatorSettings(bindAddress, port, threads, seed, tables, version, principals,
                faults);
    }

    public OpenMetadataSimulatorSettings withVersion(String version) {
        return new OpenMetadataSimulatorSettings(bindAddress, port, threads, seed, tables, version, principals,
                faults);
    }

    public OpenMetadataSimulatorSettings withPrincipals(List<Principal> principals) {
        return new OpenMetadataSimulatorSettings(bindAddress, port, threads, seed, tables, version, principals,
                faults);
    }

    public OpenMetadataSimulatorSettings withFaults(SimulatorFaults.Settings faults) {
        return new OpenMetadataSimulatorSettings(bindAddress, port, threads, seed, tables, version, principals,
                faults);
    }
}
