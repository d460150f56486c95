package io.catalogbridge.alation;

import java.util.List;

/**
 * A valid integration, as {@link AlationIntegrations#validate} answers it: {@code url} is the normalised base URL
 * the client pipelines call (no trailing slash), {@code givenUrl} the URL exactly as the client sent it, which is
 * what the API shows; {@code quality} how its quality results go to Alation (the defaults when the body had none).
 */
public record AlationIntegration(String url, String givenUrl, Long userId, String refreshApiToken,
        List<DataSourceLink> dataSourceLinks, AlationQualitySettings quality) {

    /** What may be shown of the integration: the URL as given, never the token. */
    public AlationIntegrationSettings settings() {
        return new AlationIntegrationSettings(givenUrl, userId, dataSourceLinks, quality);
    }

    @Override
    public String toString() {
        return "AlationIntegration[url=" + url + ", givenUrl=" + givenUrl + ", userId=" + userId
                + ", refreshApiToken=<redacted>, dataSourceLinks=" + dataSourceLinks + ", quality=" + quality + "]";
    }
}
