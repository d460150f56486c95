package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorFaultProperties;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process Alation simulator of the demo ({@code catalog-bridge.simulator.*}). Off unless {@code enabled};
 * defaults are given here as well, so the simulator works before they are listed in application.yaml.
 */
@ConfigurationProperties("catalog-bridge.simulator")
public record SimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("8090") int port,
        @DefaultValue("8") int threads,
        @DefaultValue("42") long seed,
        @DefaultValue("10000") int tables,
        @DefaultValue("24h") Duration tokenTtl,
        @DefaultValue("1") long userId,
        @DefaultValue(SimulatorSettings.DEMO_REFRESH_TOKEN) String refreshToken,
        @DefaultValue SimulatorFaultProperties faults,
        @DefaultValue Writes writes) {

    /** How the simulator takes writes ({@code catalog-bridge.simulator.writes.*}); see {@link WriteSettings}. */
    public record Writes(
            @DefaultValue("1") int jobRunningPolls,
            @DefaultValue("0ms") Duration jobRunningFor,
            @DefaultValue("true") boolean cloudNative,
            @DefaultValue("10012") Set<Long> richTextFieldIds,
            @DefaultValue("1000") int maxQualityItems) {

        WriteSettings toSettings() {
            return new WriteSettings(JobBehaviour.DEFAULT.withRunningPolls(jobRunningPolls)
                    .withRunningFor(jobRunningFor), cloudNative, richTextFieldIds, maxQualityItems);
        }
    }

    SimulatorSettings toSettings() {
        return new SimulatorSettings(bindAddress, port, threads, seed, tables, tokenTtl, Map.of(userId, refreshToken),
                faults.toSettings(), writes.toSettings());
    }

    @Override
    public String toString() {
        return "SimulatorProperties[enabled=" + enabled + ", bindAddress=" + bindAddress + ", port=" + port
                + ", seed=" + seed + ", tables=" + tables + ", userId=" + userId + ", refreshToken=<redacted>]";
    }
}
