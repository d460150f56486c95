package io.catalogbridge.openmetadata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How the bridge talks to OpenMetadata servers ({@code catalog-bridge.openmetadata.*}). Retries and their backoff
 * are the core's one policy, not set here.
 *
 * @param allowHttp plain http server URLs are accepted (tests and local simulators only)
 * @param connectTimeout bound on opening a connection to OpenMetadata
 * @param readTimeout bound on waiting for OpenMetadata's answer
 * @param pageSize {@code limit} of each listing call: OpenMetadata allows far more than its default of 10, and 1,000
 *                 keeps a page's JSON small enough to parse as it streams
 */
@ConfigurationProperties("catalog-bridge.openmetadata")
public record OpenMetadataProperties(boolean allowHttp, Duration connectTimeout, Duration readTimeout, int pageSize) {

    public static final int MAX_PAGE_SIZE = 1000;

    @ConstructorBinding
    public OpenMetadataProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        pageSize = pageSize == 0 ? MAX_PAGE_SIZE : pageSize;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("catalog-bridge.openmetadata.page-size must be 1 to 1000, not " + pageSize);
        }
    }
}
