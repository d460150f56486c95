package io.catalogbridge.alation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How the bridge talks to Alation instances ({@code catalog-bridge.alation.*}). */
@ConfigurationProperties("catalog-bridge.alation")
public record AlationProperties(boolean allowHttp, Duration connectTimeout, Duration readTimeout) {
}
