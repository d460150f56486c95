package io.catalogbridge.alation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.api.ProblemException;
import io.catalogbridge.client.CatalogAnswers;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The token exchange at {@code createAPIAccessToken}, for the {@code create-alation-access-token} pipeline: what to
 * send, what an answer means (a token; a refusal of the credentials, final; or a fault retried by the one retry
 * policy of {@link AlationCalls}), and how the token is read. An answer that cannot be read is Alation's fault
 * (502 naming the endpoint), never the caller's. Its properties are its own: a mint happens in the middle of a data
 * call, whose attempt, URL and outcome it must leave alone.
 */
@Component("alationTokenExchange")
public class AlationTokenExchange {

    public static final String PATH = "/integration/v1/createAPIAccessToken/";
    static final String CALL = "POST " + PATH;
    static final String CREDENTIALS = "alationTokenCredentials";
    static final String REQUEST_URL = "alationTokenRequestUrl";
    static final String ATTEMPT = "alationTokenAttempt";

    private final AlationCalls calls;
    private final AlationErrors errors;
    private final ObjectMapper objectMapper;

    public AlationTokenExchange(AlationCalls calls, AlationErrors errors, ObjectMapper objectMapper) {
        this.calls = calls;
        this.errors = errors;
        this.objectMapper = objectMapper;
    }

    /** Before the first attempt; the body is the {@link AlationCredentials}. */
    public void begin(Exchange exchange) {
        AlationCredentials credentials = exchange.getMessage().getBody(AlationCredentials.class);
        exchange.setProperty(CREDENTIALS, credentials);
        exchange.setProperty(REQUEST_URL, credentials.url() + PATH);
        exchange.setProperty(ATTEMPT, 0);
    }

    /** Before each attempt: the credentials as JSON, and nothing else of the exchange (the caller's API key above all). */
    public void prepare(Exchange exchange) throws JsonProcessingException {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(objectMapper.writeValueAsBytes(exchange.getProperty(CREDENTIALS, AlationCredentials.class)));
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Accept", "application/json");
        exchange.removeProperty(AlationCalls.IO_FAILURE);
        exchange.setProperty(AlationCalls.STARTED, System.nanoTime());
    }

    /**
     * Judges an attempt: {@link AlationCalls#OK} for a 2xx, {@link AlationCalls#RETRY} for a fault worth another
     * attempt (the wait in {@code alationRetryDelay}); throws 422 on a refusal, 502 once the attempts are spent.
     */
    public String classify(Exchange exchange) {
        // a mint for the stored integration is a call of it; one at the integration's PUT (no connection yet) is not
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        try {
            String outcome = judge(exchange);
            if (AlationCalls.OK.equals(outcome)) {
                calls.succeeded(connection);
            }
            return outcome;
        } catch (AlationProblems.AlationRejected refusal) {
            calls.failed(connection, refusal, true, exchange);
            throw refusal;
        } catch (RuntimeException failure) {
            calls.failed(connection, failure, false, exchange);
            throw failure;
        }
    }

    private String judge(Exchange exchange) {
        String ioFailure = exchange.getProperty(AlationCalls.IO_FAILURE, String.class);
        int status = ioFailure != null ? 0
                : exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        calls.record(PATH, ioFailure != null ? "io_error" : Integer.toString(status), exchange);
        int attempt = exchange.getProperty(ATTEMPT, 0, Integer.class) + 1;
        exchange.setProperty(ATTEMPT, attempt);
        if (ioFailure == null && status >= 200 && status < 300) {
            return AlationCalls.OK;
        }
        if (AlationCalls.isRetryable(ioFailure, status)) {
            return calls.retryOrGiveUp(exchange, tenantOf(exchange), CALL, attempt, ioFailure, status);
        }
        throw new AlationProblems.AlationRejected("Alation rejected the credentials: "
                + errors.reason(exchange.getMessage().getBody(String.class), status));
    }

    /** Reads the token out of a 2xx answer (the body, as bytes). */
    public AlationAccessToken read(Exchange exchange) {
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        // a missing Content-Type is tolerated (the body decides); one that says something else is not JSON
        if (contentType != null && !contentType.isBlank() && !CatalogAnswers.isJson(contentType)) {
            throw unreadable(CatalogAnswers.notJson(contentType));
        }
        if (body == null || body.length == 0) {
            throw unreadable("it is empty");
        }
        AlationAccessToken token;
        try {
            token = objectMapper.readValue(body, AlationAccessToken.class);
        } catch (JsonProcessingException e) {
            throw unreadable(CatalogAnswers.problem(e, "a JSON object"));
        } catch (java.io.IOException e) {
            throw unreadable("its encoding is not UTF-8");
        }
        if (token == null || !token.isUsable()) {
            throw new AlationProblems.AlationRejected("Alation rejected the credentials: its answer held no access token");
        }
        return token;
    }

    private static ProblemException unreadable(String problem) {
        return new AlationProblems.AlationBadResponse("Alation's answer to " + CALL + " could not be read: " + problem);
    }

    private static String tenantOf(Exchange exchange) {
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        return connection != null ? connection.tenant() : exchange.getProperty("tenant", "?", String.class);
    }
}
