package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code PUT /{tenant}/configuration/integrations/alation}, as sent; {@code data_source_links} and
 * {@code quality} (an {@link AlationQualityRequest}) are optional. {@link AlationIntegrations#validate} makes it an {@link AlationIntegration}.
 */
public record AlationIntegrationRequest(
        @JsonProperty("url") String url,
        @JsonProperty("user_id") Long userId,
        @JsonProperty("refresh_api_token") String refreshApiToken,
        @JsonProperty("data_source_links") List<DataSourceLink> dataSourceLinks,
        @JsonProperty("quality") AlationQualityRequest quality) {

    /** A body without quality settings (the defaults). */
    public AlationIntegrationRequest(String url, Long userId, String refreshApiToken,
            List<DataSourceLink> dataSourceLinks) {
        this(url, userId, refreshApiToken, dataSourceLinks, null);
    }

    @Override
    public String toString() {
        return "AlationIntegrationRequest[url=" + url + ", userId=" + userId + ", refreshApiToken=<redacted>, "
                + "dataSourceLinks=" + dataSourceLinks + ", quality=" + quality + "]";
    }
}
