package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.SimulatorFaultProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process OpenMetadata simulator ({@code catalog-bridge.openmetadata.simulator.*}). Off unless
 * {@code enabled}; every default is given here, so nothing needs listing in application.yaml. The tokens are the
 * demo's well-known ones (the simulator guards nothing worth a secret): a bot, a user without bot or admin rights,
 * and an expired bot token.
 */
@ConfigurationProperties("catalog-bridge.openmetadata.simulator")
public record OpenMetadataSimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("8585") int port,
        @DefaultValue("8") int threads,
        @DefaultValue("42") long seed,
        @DefaultValue("10000") int tables,
        @DefaultValue(OpenMetadataSimulatorSettings.DEFAULT_VERSION) String version,
        @DefaultValue(Principal.DEMO_BOT_TOKEN) String botToken,
        @DefaultValue(Principal.DEMO_USER_TOKEN) String userToken,
        @DefaultValue(Principal.DEMO_EXPIRED_TOKEN) String expiredToken,
        @DefaultValue SimulatorFaultProperties faults) {

    OpenMetadataSimulatorSettings toSettings() {
        return new OpenMetadataSimulatorSettings(bindAddress, port, threads, seed, tables, version,
                List.of(Principal.of(botToken, "ingestion-bot", true, false),
                        Principal.of(userToken, "data.steward", false, false),
                        Principal.of(expiredToken, "expired-bot", true, false)),
                faults.toSettings());
    }

    @Override
    public String toString() {
        return "OpenMetadataSimulatorProperties[enabled=" + enabled + ", bindAddress=" + bindAddress + ", port="
                + port + ", seed=" + seed + ", tables=" + tables + ", version=" + version + ", tokens=<redacted>]";
    }
}
