package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorFaults;
import io.catalogbridge.simulator.SimulatorSettingsRules;
import java.time.Duration;
import java.util.Map;

/**
 * How to start an {@link AlationSimulator}: where it listens, the catalog it serves (seed and size), who may mint
 * tokens ({@code users}: Alation user id to refresh token), how long access tokens live, the faults it starts
 * with, how it takes writes ({@link WriteSettings}), and how long the refresh tokens live from the simulator's start
 * ({@code refreshTokenTtl}, Alation's default of 60 days; zero or negative: expired already, that long ago). Port 0
 * picks a free port.
 */
public record SimulatorSettings(
        String bindAddress, int port, int threads, long seed, int tables, Duration tokenTtl, Map<Long, String> users,
        SimulatorFaults.Settings faults, WriteSettings writes, Duration refreshTokenTtl) {

    /** Alation's default lifetime of a refresh token. */
    public static final Duration DEFAULT_REFRESH_TOKEN_TTL = Duration.ofDays(60);

    /** The demo's well-known refresh token of user 1: the simulator guards nothing worth a secret. */
    public static final String DEMO_REFRESH_TOKEN = "demo-refresh-token";

    public SimulatorSettings {
        SimulatorSettingsRules.requireServer(bindAddress, port, threads);
        SimulatorSettingsRules.requireTables(tables, SimulatedCatalog.MAX_TABLES);
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("tokenTtl must be positive");
        }
        users = Map.copyOf(users);
        if (faults == null) {
            faults = SimulatorFaults.Settings.NONE;
        }
        if (writes == null) {
            writes = WriteSettings.DEFAULT;
        }
        if (refreshTokenTtl == null) {
            refreshTokenTtl = DEFAULT_REFRESH_TOKEN_TTL;
        }
    }

    /** Settings whose refresh tokens live Alation's default 60 days. */
    public SimulatorSettings(String bindAddress, int port, int threads, long seed, int tables, Duration tokenTtl,
                             Map<Long, String> users, SimulatorFaults.Settings faults, WriteSettings writes) {
        this(bindAddress, port, threads, seed, tables, tokenTtl, users, faults, writes, DEFAULT_REFRESH_TOKEN_TTL);
    }

    /** Settings that take writes the default way ({@link WriteSettings#DEFAULT}). */
    public SimulatorSettings(String bindAddress, int port, int threads, long seed, int tables, Duration tokenTtl,
                             Map<Long, String> users, SimulatorFaults.Settings faults) {
        this(bindAddress, port, threads, seed, tables, tokenTtl, users, faults, WriteSettings.DEFAULT);
    }

    /** Loopback, a free port, 8 threads, seed 42, 10,000 tables, 24-hour tokens, user 1, no faults. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings("127.0.0.1", 0, 8, 42, 10_000, Duration.ofHours(24),
                Map.of(1L, DEMO_REFRESH_TOKEN), SimulatorFaults.Settings.NONE);
    }

    public SimulatorSettings withBindAddress(String bindAddress) {
        return new SimulatorSettings(bindAddress, port, threads, seed, tables, tokenTtl, users, faults, writes,
                refreshTokenTtl);
    }

    public SimulatorSettings withPort(int port) {
        return new SimulatorSettings(bindAddress, port, threads, seed, tables, tokenTtl, users, faults, writes,
                refreshTokenTtl);
    }

    public SimulatorSettings withThreads(int threads) {
        return new SimulatorSettings(bindAddress, port, threads, seed, tables, tokenTtl, users, faults, writes,
                refreshTokenTtl);
    }

    public SimulatorSettings withCatalog(long seed, int tables) {
        return new SimulatorSettings(bindAddress, port, threads, seed, tables, tokenTtl, users, faults, writes,
                refreshTokenTtl);
    }

    public SimulatorSettings withTokenTtl(Duration tokenTtl) {
        return new SimulatorSettings(bindAddress, port, threads, seed, tables, tokenTtl, users, faults, writes,
                refreshTokenTtl);
    }

    public SimulatorSettings withUsers(Map<Long, String> users) {
        return new SimulatorSettings(bindAddress, port, threads, seed, tables, tokenTtl, users, faults, writes,
                refreshTokenTtl);
    }

    public SimulatorSettings withFaults(SimulatorFaults.Settings faults) {
        return new SimulatorSettings(bindAddress, port, threads, seed, tables, tokenTtl, users, faults, writes,
                refreshTokenTtl);
    }

    public SimulatorSettings withWrites(WriteSettings writes) {
        return new SimulatorSettings(bindAddress, port, threads, seed, tables, tokenTtl, users, faults, writes,
                refreshTokenTtl);
    }

    public SimulatorSettings withRefreshTokenTtl(Duration refreshTokenTtl) {
        return new SimulatorSettings(bindAddress, port, threads, seed, tables, tokenTtl, users, faults, writes,
                refreshTokenTtl);
    }

    @Override
    public String toString() {
        return "SimulatorSettings[bindAddress=" + bindAddress + ", port=" + port + ", threads=" + threads + ", seed="
                + seed + ", tables=" + tables + ", tokenTtl=" + tokenTtl + ", users=" + users.keySet() + ", faults="
                + faults + ", writes=" + writes + ", refreshTokenTtl=" + refreshTokenTtl + "]";
    }
}
