package io.catalogbridge.alation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.status.CredentialCheck;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The check of a tenant's stored refresh token at {@code POST /integration/v1/validateRefreshToken/}, for the
 * {@code check-alation-credential} pipeline: what to send (the refresh token and user id, as for the token exchange,
 * and nothing of the caller's request), and what the answer means. One attempt, no retries: the status shows what
 * Alation says now, and a check that cannot be made is UNKNOWN (and recorded as the integration's failed call).
 * <ul>
 *   <li>200 with {@code token_status} ACTIVE: ACTIVE until {@code token_expires_at} (EXPIRED once past it);</li>
 *   <li>200 with EXPIRED: EXPIRED; any other status (REVOKED, ...) or {@code "status": "failed"}: REFUSED;</li>
 *   <li>401/403: REFUSED (Alation does not know the token, or it was revoked);</li>
 *   <li>no answer, another status, or an answer that cannot be read: UNKNOWN.</li>
 * </ul>
 */
@Component("alationRefreshTokenCheck")
public class AlationRefreshTokenCheck {

    public static final String PATH = "/integration/v1/validateRefreshToken/";
    static final String CALL = "POST " + PATH;
    static final String REQUEST_URL = "alationValidateUrl";

    private final AlationCalls calls;
    private final AlationErrors errors;
    private final ObjectMapper objectMapper;
    private final Clock clock = Clock.systemUTC();

    public AlationRefreshTokenCheck(AlationCalls calls, AlationErrors errors, ObjectMapper objectMapper) {
        this.calls = calls;
        this.errors = errors;
        this.objectMapper = objectMapper;
    }

    /** Before the call: the stored connection's refresh token and user id as JSON, and nothing else. */
    public void prepare(Exchange exchange) throws JsonProcessingException {
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(objectMapper.writeValueAsBytes(connection.credentials()));
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Accept", "application/json");
        exchange.setProperty(REQUEST_URL, connection.url() + PATH);
        exchange.removeProperty(AlationCalls.IO_FAILURE);
        exchange.setProperty(AlationCalls.STARTED, System.nanoTime());
    }

    /** Judges Alation's answer (the body as bytes); records the call for the integration's status. */
    public CredentialCheck read(Exchange exchange) {
        AlationConnection connection = exchange.getProperty(AlationCalls.CONNECTION, AlationConnection.class);
        String ioFailure = exchange.getProperty(AlationCalls.IO_FAILURE, String.class);
        int status = ioFailure != null ? 0
                : exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        calls.record(PATH, ioFailure != null ? "io_error" : Integer.toString(status), exchange);
        if (ioFailure != null) {
            return failed(connection, exchange, "Alation could not be reached for " + CALL + " (" + ioFailure + ")",
                    false, CredentialCheck.unknown());
        }
        String body = exchange.getMessage().getBody(String.class);
        if (status == 401 || status == 403) {
            return failed(connection, exchange, "Alation refused the refresh token at " + CALL + " (HTTP " + status
                    + ": " + errors.reason(body, status) + ")", true, CredentialCheck.refused());
        }
        if (status < 200 || status >= 300) {
            return failed(connection, exchange, "Alation answered " + CALL + " with HTTP " + status + ": "
                    + errors.reason(body, status), false, CredentialCheck.unknown());
        }
        AlationRefreshTokenStatus token;
        try {
            token = objectMapper.readValue(exchange.getMessage().getBody(byte[].class),
                    AlationRefreshTokenStatus.class);
        } catch (IOException | RuntimeException e) {
            token = null;
        }
        if (token == null) {
            return failed(connection, exchange, "Alation's answer to " + CALL + " could not be read", false,
                    CredentialCheck.unknown());
        }
        calls.succeeded(connection);
        String tokenStatus = token.tokenStatus() == null ? "" : token.tokenStatus().toUpperCase(Locale.ROOT);
        if ("failed".equalsIgnoreCase(token.status())) {
            return CredentialCheck.refused();
        }
        return switch (tokenStatus) {
            case "ACTIVE" -> CredentialCheck.active(token.tokenExpiresAt()).at(clock.instant());
            case "EXPIRED" -> CredentialCheck.expired(token.tokenExpiresAt());
            case "" -> CredentialCheck.unknown();
            default -> CredentialCheck.refused();
        };
    }

    private CredentialCheck failed(AlationConnection connection, Exchange exchange, String message, boolean refused,
            CredentialCheck check) {
        calls.failed(connection, new IllegalStateException(message), refused, exchange);
        return check;
    }
}
