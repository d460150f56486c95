package io.catalogbridge.openmetadata;

import java.util.List;

/**
 * A valid integration, as {@link OpenMetadataIntegrations#validate} answers it: {@code url} is the normalised base
 * URL the client pipelines call (no trailing slash; they add {@code /api/v1/...}), {@code givenUrl} the URL exactly
 * as the client sent it, which is what the API shows; {@code jwtToken} is the bearer token without the whitespace a
 * paste leaves around it; {@code quality} the quality settings, defaults filled in.
 */
public record OpenMetadataIntegration(String url, String givenUrl, String jwtToken,
        List<OpenMetadataDataSourceLink> dataSourceLinks, OpenMetadataQualitySettings quality) {

    /** What may be shown of the integration: the URL as given, never the token. */
    public OpenMetadataIntegrationSettings settings() {
        return new OpenMetadataIntegrationSettings(givenUrl, dataSourceLinks, quality);
    }

    @Override
    public String toString() {
        return "OpenMetadataIntegration[url=" + url + ", givenUrl=" + givenUrl + ", jwtToken=<redacted>, "
                + "dataSourceLinks=" + dataSourceLinks + ", quality=" + quality + "]";
    }
}
