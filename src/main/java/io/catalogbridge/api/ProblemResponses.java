package io.catalogbridge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns failures into RFC 9457 problem documents, for the Camel routes (through the route configuration in
 * {@code routes/config/problem-responses.camel.yaml}) and for the security filters alike.
 *
 * <p>Details never quote the request body: a malformed-JSON message could otherwise echo a secret back.
 */
@Component("problemResponses")
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public static Problem problem(HttpStatus status, String detail, String instance, List<Problem.FieldError> errors) {
        return problem(status, detail, instance, errors, java.util.Map.of());
    }

    static Problem problem(HttpStatus status, String detail, String instance, List<Problem.FieldError> errors,
            java.util.Map<String, Object> extensions) {
        return new Problem("about:blank", status.getReasonPhrase(), status.value(), detail, instance, errors,
                extensions);
    }

    /**
     * Whether the exchange answers an HTTP request of the API (rather than running a background job): it began at the
     * web server. Judged by where it began, because a failure to read the request body comes before any step of the
     * route could mark the exchange.
     */
    public boolean answersRequest(Exchange exchange) {
        return exchange.getFromEndpoint() != null
                && exchange.getFromEndpoint().getEndpointUri().startsWith("platform-http:");
    }

    /** Renders the exception caught on the exchange as the exchange's HTTP answer. */
    public void render(Exchange exchange) throws IOException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // the pipelines clear the headers (as a catalog's calls must); the route configuration remembers the URI first
        String instance = exchange.getProperty("requestUri", String.class);
        if (instance == null) {
            instance = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        }
        Problem problem = toProblem(failure, instance);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        exchange.getMessage().setBody(objectMapper.writeValueAsString(problem));
    }

    Problem toProblem(Throwable caught, String instance) {
        // a failure inside an expression or a bean call arrives wrapped: answer for what really went wrong
        Throwable failure = rootOfInterest(caught);
        if (failure instanceof ProblemException p) {
            return problem(p.status(), p.getMessage(), instance, p.errors(), p.extensions());
        }
        if (failure instanceof org.apache.camel.NoTypeConversionAvailableException noBody && noBody.getValue() == null) {
            return problem(HttpStatus.BAD_REQUEST, "The request body is missing", instance, List.of());
        }
        if (failure instanceof RequestSizeLimitFilter.PayloadTooLarge tooLarge) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), instance, List.of());
        }
        if (failure instanceof java.nio.charset.CharacterCodingException) {
            return problem(HttpStatus.BAD_REQUEST, "The request body is not valid UTF-8; JSON must be sent in UTF-8",
                    instance, List.of());
        }
        if (failure instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = jsonPath(m);
            return problem(HttpStatus.BAD_REQUEST, "Invalid request body: field '" + field + "' has the wrong type",
                    instance, List.of(new Problem.FieldError(field, "wrong type")));
        }
        if (failure instanceof JsonProcessingException j) {
            String where = j.getLocation() == null ? ""
                    : " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON in the request body" + where, instance, List.of());
        }
        if (isDatabaseUnavailable(caught)) {
            log.warn("The database is unavailable while answering {}: {}", instance, caught.getMessage());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; try again shortly", instance,
                    List.of());
        }
        log.error("Unexpected failure answering {}", instance, failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error; the service log has the details", instance,
                List.of());
    }

    private static boolean isDatabaseUnavailable(Throwable caught) {
        for (Throwable t = caught; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootOfInterest(Throwable caught) {
        for (Throwable t = caught; t != null; t = t.getCause()) {
            if (t instanceof ProblemException || t instanceof JsonProcessingException
                    || t instanceof RequestSizeLimitFilter.PayloadTooLarge
                    || t instanceof java.nio.charset.CharacterCodingException
                    || t instanceof org.apache.camel.NoTypeConversionAvailableException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return caught;
    }

    /** Writes a problem straight onto a servlet response (used by the security filters, before Camel is involved). */
    public void write(HttpServletResponse response, HttpStatus status, String detail, String instance)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(Problem.MEDIA_TYPE);
        objectMapper.writeValue(response.getOutputStream(), problem(status, detail, instance, List.of()));
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
