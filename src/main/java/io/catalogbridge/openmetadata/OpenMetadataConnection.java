package io.catalogbridge.openmetadata;

/**
 * What a pipeline needs to talk to one tenant's OpenMetadata server, read once per operation: the normalised base
 * URL (the API is under {@code {url}/api}), the bearer JWT in clear, and the integration's {@code version}, which
 * changes with every change of the integration, on any replica.
 */
public record OpenMetadataConnection(String tenant, String url, String jwtToken, long version) {

    @Override
    public String toString() {
        return "OpenMetadataConnection[tenant=" + tenant + ", url=" + url + ", version=" + version
                + ", jwtToken=<redacted>]";
    }
}
