package io.catalogbridge.alation;

import io.catalogbridge.api.ProblemException;

/** The core's catalog problems, as Alation's calls raise them (their types name Alation for callers and tests). */
public final class AlationProblems {

    private AlationProblems() {
    }

    /** 422: Alation refused the credentials it was given. */
    public static class AlationRejected extends ProblemException.CatalogRejected {
        public AlationRejected(String detail) {
            super(detail);
        }
    }

    /**
     * 502: Alation answered what the bridge cannot use: a refusal even with a fresh token, a body that is not the
     * JSON expected, a paging link that loops or leaves the instance, an unexpected status.
     */
    public static class AlationBadResponse extends ProblemException.CatalogBadResponse {
        public AlationBadResponse(String detail) {
            super(detail);
        }
    }

    /** 502: Alation could not be reached, timed out, or answered with a server error. */
    public static class AlationUnavailable extends ProblemException.CatalogUnavailable {
        public AlationUnavailable(String detail) {
            super(detail);
        }
    }
}
