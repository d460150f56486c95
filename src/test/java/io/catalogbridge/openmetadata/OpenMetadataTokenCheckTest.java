package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.api.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class OpenMetadataTokenCheckTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib3QifQ.c2ln";
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void a200IsTheLoggedInUser() {
        OpenMetadataUser user = OpenMetadataTokenCheck.user(200, bytes("""
                {"id": "4b3c5d7e-0000-4000-8000-000000000001", "name": "catalog-bridge-bot", "isBot": true,
                 "email": "bot@om.example.com"}"""), TOKEN, mapper);

        assertThat(user.name()).isEqualTo("catalog-bridge-bot");
        assertThat(user.isBot()).isTrue();
    }

    @Test
    void a401Or403IsA422QuotingOpenMetadata() {
        ProblemException expired = problem(401, "{\"code\": 401, \"message\": \"Expired token!\"}");
        ProblemException forbidden = problem(403, "{\"code\": 403, \"message\": \"Principal: bot is not admin\"}");

        assertThat(expired.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(expired.getMessage()).isEqualTo(
                "OpenMetadata refused the token (401: expired, revoked or not OpenMetadata's): Expired token!");
        assertThat(forbidden.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(forbidden.getMessage()).isEqualTo(
                "OpenMetadata refused the token (403: not allowed): Principal: bot is not admin");
        assertThat(problem(401, "<html>Unauthorized</html>").getMessage())
                .isEqualTo("OpenMetadata refused the token (401: expired, revoked or not OpenMetadata's)");
        assertThat(problem(401, "").getMessage())
                .isEqualTo("OpenMetadata refused the token (401: expired, revoked or not OpenMetadata's)");
    }

    @Test
    void anythingElseIsA502() {
        ProblemException busy = problem(503, "{\"code\": 503, \"message\": \"Service Unavailable\"}");
        ProblemException wrongUrl = problem(404, "<html>Not Found</html>");
        ProblemException notAUser = problem(200, "<html>Login</html>");

        assertThat(busy.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(busy.getMessage()).isEqualTo(
                "OpenMetadata answered GET /v1/users/loggedInUser with 503: Service Unavailable");
        assertThat(wrongUrl.getMessage()).isEqualTo("OpenMetadata answered GET /v1/users/loggedInUser with 404");
        assertThat(notAUser.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(notAUser.getMessage())
                .isEqualTo("OpenMetadata's answer to GET /v1/users/loggedInUser could not be read as a user");
        assertThat(problem(200, "null").status()).isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void theTokenIsCutOutOfWhatIsQuotedWhichIsBoundedAndFreeOfControls() {
        ProblemException echoed = problem(401, "{\"message\": \"Invalid token " + TOKEN + "\\u001b[31m\\nretry\"}");
        ProblemException long_ = problem(401, "{\"message\": \"" + "x".repeat(400) + "\"}");

        assertThat(echoed.getMessage()).doesNotContain(TOKEN).endsWith("Invalid token <token> [31m retry");
        assertThat(long_.getMessage()).endsWith("x".repeat(300) + "...");
    }

    private ProblemException problem(int status, String body) {
        return catchThrowableOfType(() -> OpenMetadataTokenCheck.user(status, bytes(body), TOKEN, mapper),
                ProblemException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
