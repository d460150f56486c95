package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.api.ProblemException;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * What the save-time check of a token ({@code GET /v1/users/loggedInUser}) makes of OpenMetadata's answer: 200 is
 * the user; 401 or 403 is a refusal (422, nothing stored), quoting OpenMetadata's {@code message}; anything else
 * (5xx, a proxy's page, a 404 from a wrong base URL) is OpenMetadata not answering as it should (502). An unreachable
 * server is the caller's 502 before this is asked.
 *
 * <p>OpenMetadata's messages about tokens ("Expired token!", "Token verification failed") do not repeat the token,
 * but a proxy's might: the token is cut out of any quoted text, which is also bounded and freed of control characters
 * before it goes into a problem document.
 */
public final class OpenMetadataTokenCheck {

    static final String ENDPOINT = "/v1/users/loggedInUser";
    private static final int MAX_QUOTED = 300;

    private OpenMetadataTokenCheck() {
    }

    /** The logged-in user of a 200, or the problem the answer is; never the token in any message. */
    public static OpenMetadataUser user(int status, byte[] body, String token, ObjectMapper mapper) {
        if (status == 200) {
            try {
                OpenMetadataUser user = mapper.readValue(body, OpenMetadataUser.class);
                if (user != null) {
                    return user;
                }
            } catch (IOException e) {
                // falls through: a 200 that is no user is not OpenMetadata's answer
            }
            throw new ProblemException(HttpStatus.BAD_GATEWAY,
                    "OpenMetadata's answer to GET " + ENDPOINT + " could not be read as a user");
        }
        String said = quote(body, token, mapper);
        if (status == 401 || status == 403) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "OpenMetadata refused the token ("
                    + status + (status == 401 ? ": expired, revoked or not OpenMetadata's" : ": not allowed") + ")"
                    + (said == null ? "" : ": " + said));
        }
        throw new ProblemException(HttpStatus.BAD_GATEWAY, "OpenMetadata answered GET " + ENDPOINT + " with " + status
                + (said == null ? "" : ": " + said));
    }

    /** OpenMetadata's {@code message}, safe to show, or null when the body has none. */
    static String quote(byte[] body, String token, ObjectMapper mapper) {
        String message;
        try {
            OpenMetadataError error = body == null || body.length == 0 ? null
                    : mapper.readValue(body, OpenMetadataError.class);
            message = error == null ? null : error.message();
        } catch (IOException e) {
            return null;
        }
        if (message == null || message.isBlank()) {
            return null;
        }
        if (token != null && !token.isEmpty()) {
            message = message.replace(token, "<token>");
        }
        message = message.replaceAll("\\p{Cntrl}", " ").strip();
        return message.length() > MAX_QUOTED ? message.substring(0, MAX_QUOTED) + "..." : message;
    }
}
