package io.catalogbridge.simulator;

/** What every simulator's settings must hold: where it listens, how many threads serve, how large its catalog is. */
public final class SimulatorSettingsRules {

    private SimulatorSettingsRules() {
    }

    /** A bind address, a port from 0 (a free one) to 65535, at least one thread. */
    public static void requireServer(String bindAddress, int port, int threads) {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress is required, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** From 0 to {@code max} tables. */
    public static void requireTables(int tables, int max) {
        if (tables < 0 || tables > max) {
            throw new IllegalArgumentException("tables must be between 0 and " + max);
        }
    }
}
