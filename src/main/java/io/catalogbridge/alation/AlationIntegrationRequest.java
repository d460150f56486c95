package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of {@code PUT /{tenant}/configuration/integrations/alation}; {@code data_source_links} is optional. */
public record AlationIntegrationRequest(
        @JsonProperty("url") String url,
        @JsonProperty("user_id") Long userId,
        @JsonProperty("refresh_api_token") String refreshApiToken,
        @JsonProperty("data_source_links") List<DataSourceLink> dataSourceLinks) {

    /** What may be shown of the request: the token stays out of logs and answers. */
    public AlationIntegrationSettings settings() {
        return new AlationIntegrationSettings(url, userId, dataSourceLinks == null ? List.of() : dataSourceLinks);
    }

    @Override
    public String toString() {
        return "AlationIntegrationRequest[url=" + url + ", userId=" + userId + ", refreshApiToken=<redacted>, "
                + "dataSourceLinks=" + dataSourceLinks + "]";
    }
}
