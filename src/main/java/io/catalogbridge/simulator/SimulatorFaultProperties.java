package io.catalogbridge.simulator;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The faults an in-process simulator starts with ({@code <simulator prefix>.faults.*}); zero switches one off (a zero
 * retry-after sends 429s without the header where the simulator allows it).
 */
public record SimulatorFaultProperties(
        @DefaultValue("0ms") Duration latency,
        @DefaultValue("0") int throttleEvery,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("0") int burstEvery,
        @DefaultValue("3") int burstLength,
        @DefaultValue("0") int expireTokenAfter) {

    public SimulatorFaults.Settings toSettings() {
        return new SimulatorFaults.Settings(latency, throttleEvery, Math.toIntExact(retryAfter.toSeconds()),
                burstEvery, burstLength, expireTokenAfter);
    }
}
