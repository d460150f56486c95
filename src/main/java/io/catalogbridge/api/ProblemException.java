package io.catalogbridge.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure that the API answers as a problem+json document with its own status. Routes throw it (or one of its
 * subclasses); the route configuration in {@code routes/config/} renders it.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final List<Problem.FieldError> errors;
    private final java.util.Map<String, Object> extensions;

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    public ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors) {
        this(status, detail, errors, java.util.Map.of());
    }

    public ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors,
            java.util.Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.extensions = java.util.Map.copyOf(extensions);
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public java.util.Map<String, Object> extensions() {
        return extensions;
    }

    /** 400 when a body that must be a JSON object is absent or {@code null}. */
    public static void requireBody(Object body) {
        if (body == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The request body must be a JSON object");
        }
    }

    /**
     * 400 naming every bad field, when there are any: {@code "<what>: url must use https, user_id is required"}
     * ({@code what} as {@code "Invalid mapping"}), with the errors as the problem's field errors.
     */
    public static void rejectIfAny(String what, List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, what + ": "
                    + String.join(", ", errors.stream().map(e -> e.field() + " " + e.detail()).toList()), errors);
        }
    }

    /** 404: the resource the path names does not exist (for this tenant). */
    public static class NotFound extends ProblemException {
        public NotFound(String detail) {
            super(HttpStatus.NOT_FOUND, detail);
        }
    }

    /** 422: the catalog refused the credentials it was given. A wing's own subclass names its catalog. */
    public static class CatalogRejected extends ProblemException {
        public CatalogRejected(String detail) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, detail);
        }
    }

    /** 409: the request needs something the tenant has not set up (a catalog's integration, say). */
    public static class Conflict extends ProblemException {
        public Conflict(String detail) {
            super(HttpStatus.CONFLICT, detail);
        }
    }

    /**
     * 502: the catalog answered what the bridge cannot use: a refusal even with a fresh token, a body that is not the
     * JSON expected, a paging link that loops or leaves the instance, an unexpected status.
     */
    public static class CatalogBadResponse extends ProblemException {
        public CatalogBadResponse(String detail) {
            super(HttpStatus.BAD_GATEWAY, detail);
        }
    }

    /** 502: the catalog could not be reached, timed out, or answered with a server error. */
    public static class CatalogUnavailable extends ProblemException {
        public CatalogUnavailable(String detail) {
            super(HttpStatus.BAD_GATEWAY, detail);
        }
    }
}
