package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtExpiryTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theExpClaimIsReadFromTheBase64UrlPayload() {
        JwtExpiry expiry = JwtExpiry.read(jwt("{\"sub\":\"ingestion-bot\",\"isBot\":true,\"exp\":1790000000}"), mapper);

        assertThat(expiry).isEqualTo(new JwtExpiry(JwtExpiry.Kind.AT, Instant.ofEpochSecond(1_790_000_000L)));
        assertThat(expiry.isExpiredAt(Instant.ofEpochSecond(1_789_999_999L))).isFalse();
        assertThat(expiry.isExpiredAt(Instant.ofEpochSecond(1_790_000_000L))).isTrue();
    }

    @Test
    void aPayloadWithCharactersOfTheUrlAlphabetAndWithOrWithoutPaddingIsRead() {
        // "ü?" makes base64 use '-' and '_' where the standard alphabet has '+' and '/'
        String payload = "{\"name\":\"ü??>\",\"exp\":1700000000}";
        String unpadded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String padded = Base64.getUrlEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String standard = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));

        assertThat(unpadded).containsAnyOf("-", "_");
        for (String encoded : new String[] {unpadded, padded, standard}) {
            assertThat(JwtExpiry.read("eyJhbGciOiJSUzI1NiJ9." + encoded + ".sig", mapper).expiresAt())
                    .as(encoded).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        }
    }

    @Test
    void aJwtWithoutExpNeverExpires() {
        JwtExpiry expiry = JwtExpiry.read(jwt("{\"sub\":\"bot\",\"isBot\":true}"), mapper);

        assertThat(expiry).isEqualTo(new JwtExpiry(JwtExpiry.Kind.NEVER, null));
        assertThat(expiry.isExpiredAt(Instant.MAX)).isFalse();
        assertThat(JwtExpiry.read(jwt("{\"exp\":null}"), mapper).kind()).isEqualTo(JwtExpiry.Kind.NEVER);
    }

    @Test
    void fractionalAndTextualExpAreReadAndNonsenseIsUnknown() {
        assertThat(JwtExpiry.read(jwt("{\"exp\":1700000000.75}"), mapper).expiresAt())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(JwtExpiry.read(jwt("{\"exp\":\"1700000000\"}"), mapper).expiresAt())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(JwtExpiry.read(jwt("{\"exp\":\"tomorrow\"}"), mapper).kind()).isEqualTo(JwtExpiry.Kind.UNKNOWN);
        assertThat(JwtExpiry.read(jwt("{\"exp\":-5}"), mapper).kind()).isEqualTo(JwtExpiry.Kind.UNKNOWN);
        assertThat(JwtExpiry.read(jwt("{\"exp\":1e300}"), mapper).kind()).isEqualTo(JwtExpiry.Kind.UNKNOWN);
        assertThat(JwtExpiry.read(jwt("{\"exp\":{\"at\":1}}"), mapper).kind()).isEqualTo(JwtExpiry.Kind.UNKNOWN);
    }

    @Test
    void tokensThatAreNoReadableJwtHaveAnUnknownExpiry() {
        JwtExpiry unknown = new JwtExpiry(JwtExpiry.Kind.UNKNOWN, null);

        assertThat(JwtExpiry.read("opaque-personal-access-token", mapper)).isEqualTo(unknown);
        assertThat(JwtExpiry.read("a.b", mapper)).isEqualTo(unknown);
        assertThat(JwtExpiry.read("h..s", mapper)).isEqualTo(unknown);
        assertThat(JwtExpiry.read("h.e.k.iv.tag", mapper)).isEqualTo(unknown);
        assertThat(JwtExpiry.read("h.%%%%.s", mapper)).isEqualTo(unknown);
        assertThat(JwtExpiry.read("h." + b64("not json") + ".s", mapper)).isEqualTo(unknown);
        assertThat(JwtExpiry.read("h." + b64("[1,2]") + ".s", mapper)).isEqualTo(unknown);
        assertThat(JwtExpiry.read("h." + b64("{\"exp\":17") + ".s", mapper)).isEqualTo(unknown);
        assertThat(JwtExpiry.read(null, mapper)).isEqualTo(unknown);
        assertThat(unknown.isExpiredAt(Instant.MAX)).isFalse();
    }

    @Test
    void anUnsignedJwtStillTellsItsExpiry() {
        assertThat(JwtExpiry.read("eyJhbGciOiJub25lIn0." + b64("{\"exp\":1700000000}") + ".", mapper).expiresAt())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    private static String jwt(String payload) {
        return "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9." + b64(payload) + ".c2ln";
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
