package io.catalogbridge.openmetadata;

import io.catalogbridge.api.ProblemException;

/** The core's catalog problems, as OpenMetadata's calls raise them (their types name OpenMetadata for callers and tests). */
public final class OpenMetadataProblems {

    private OpenMetadataProblems() {
    }

    /**
     * 502: OpenMetadata answered what the bridge cannot use: a body that is not the JSON expected, a cursor that
     * repeats, an unexpected status.
     */
    public static class OpenMetadataBadResponse extends ProblemException.CatalogBadResponse {
        public OpenMetadataBadResponse(String detail) {
            super(detail);
        }
    }

    /**
     * 502: OpenMetadata refused the stored token (401/403). Nothing is minted or refreshed in OpenMetadata: the token
     * expired or was revoked, and only a new one in the integration mends it.
     */
    public static class OpenMetadataTokenRefused extends ProblemException.CatalogBadResponse {
        public OpenMetadataTokenRefused(String detail) {
            super(detail);
        }
    }

    /** 502: OpenMetadata could not be reached, timed out, or answered with a server error, attempt after attempt. */
    public static class OpenMetadataUnavailable extends ProblemException.CatalogUnavailable {
        public OpenMetadataUnavailable(String detail) {
            super(detail);
        }
    }
}
