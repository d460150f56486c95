package io.catalogbridge.alation;

/**
 * What a pipeline needs to talk to one tenant's Alation instance, read once per operation. {@code version} changes
 * with every change of the integration, on any replica; a cached access token is only good for its version.
 */
public record AlationConnection(String tenant, String url, long userId, String refreshToken, long version) {

    public AlationCredentials credentials() {
        return new AlationCredentials(url, userId, refreshToken);
    }

    @Override
    public String toString() {
        return "AlationConnection[tenant=" + tenant + ", url=" + url + ", userId=" + userId + ", version=" + version
                + ", refreshToken=<redacted>]";
    }
}
