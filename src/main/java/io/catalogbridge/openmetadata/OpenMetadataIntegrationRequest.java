package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code PUT /{tenant}/configuration/integrations/openmetadata}, as sent; {@code data_source_links} and
 * {@code quality} are optional. {@link OpenMetadataIntegrations#validate} makes it an {@link OpenMetadataIntegration}.
 */
public record OpenMetadataIntegrationRequest(
        @JsonProperty("url") String url,
        @JsonProperty("jwt_token") String jwtToken,
        @JsonProperty("data_source_links") List<OpenMetadataDataSourceLink> dataSourceLinks,
        @JsonProperty("quality") OpenMetadataQualityRequest quality) {

    /** A body without a {@code quality} object: the defaults. */
    public OpenMetadataIntegrationRequest(String url, String jwtToken, List<OpenMetadataDataSourceLink> dataSourceLinks) {
        this(url, jwtToken, dataSourceLinks, null);
    }

    /** Never the token: a request may be logged or shown in an exception message. */
    @Override
    public String toString() {
        return "OpenMetadataIntegrationRequest[url=" + url + ", jwtToken=<redacted>, dataSourceLinks="
                + dataSourceLinks + ", quality=" + (quality == null ? null : quality.given()) + "]";
    }
}
