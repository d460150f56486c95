package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The wing's configuration block binds as documented, and its beans start from it alone. */
class OpenMetadataConfigurationTest {

    @Configuration
    @EnableConfigurationProperties(OpenMetadataProperties.class)
    @Import({OpenMetadataIntegrations.class, OpenMetadataMappings.class})
    static class Wing {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Wing.class);

    @Test
    void theDefaultsNeedNoSetting() {
        context.run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(OpenMetadataIntegrations.class)
                    .hasSingleBean(OpenMetadataMappings.class);
            assertThat(started.getBean(OpenMetadataProperties.class))
                    .isEqualTo(new OpenMetadataProperties(false, Duration.ofSeconds(5), Duration.ofSeconds(30), 1000, 5,
                            Duration.ofMillis(500), Duration.ofSeconds(30), 2));
        });
    }

    @Test
    void catalogBridgeOpenmetadataSettingsBind() {
        context.withPropertyValues("catalog-bridge.openmetadata.allow-http=true",
                "catalog-bridge.openmetadata.connect-timeout=2s", "catalog-bridge.openmetadata.read-timeout=1m",
                "catalog-bridge.openmetadata.page-size=250", "catalog-bridge.openmetadata.max-attempts=3",
                "catalog-bridge.openmetadata.retry-initial-delay=100ms", "catalog-bridge.openmetadata.retry-max-delay=5s",
                "catalog-bridge.openmetadata.max-requests-in-flight=4").run(started -> {
                    assertThat(started.getBean(OpenMetadataProperties.class)).isEqualTo(
                            new OpenMetadataProperties(true, Duration.ofSeconds(2), Duration.ofMinutes(1), 250, 3,
                                    Duration.ofMillis(100), Duration.ofSeconds(5), 4));
                    assertThat(started.getBean(OpenMetadataIntegrations.class).validate(
                            new OpenMetadataIntegrationRequest("http://127.0.0.1:8585", "t0ken", null)).url())
                            .isEqualTo("http://127.0.0.1:8585");
                });
    }

    @Test
    void aPageSizeOpenMetadataWouldNotServeStopsTheStart() {
        context.withPropertyValues("catalog-bridge.openmetadata.page-size=5000").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessage("catalog-bridge.openmetadata.page-size must be 1 to 1000, not 5000"));
    }
}
