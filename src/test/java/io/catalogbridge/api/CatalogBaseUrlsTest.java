package io.catalogbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.api.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogBaseUrlsTest {

    private static final String EXAMPLE = "https://catalog.example.com";

    @Test
    void aGoodUrlIsAnsweredWithoutItsTrailingSlashesAndAddsNoError() {
        assertThat(accepted(" https://catalog.example.com:8443/api// ", false))
                .isEqualTo("https://catalog.example.com:8443/api");
    }

    @Test
    void eachBadUrlAddsOneErrorForTheFieldItIsGivenAndAnswersNull() {
        assertThat(refusal(null, false)).isEqualTo(new FieldError("server", "is required"));
        assertThat(refusal(" ", false)).isEqualTo(new FieldError("server", "is required"));
        assertThat(refusal("catalog.example.com", false)).isEqualTo(
                new FieldError("server", "must be an absolute URL with a host, e.g. " + EXAMPLE));
        assertThat(refusal("https://catalog example.com", false)).isEqualTo(
                new FieldError("server", "is not a valid URL"));
        assertThat(refusal("http://catalog.example.com", false)).isEqualTo(
                new FieldError("server", "must use https"));
        assertThat(refusal("ftp://catalog.example.com", true)).isEqualTo(
                new FieldError("server", "must use https or http"));
        assertThat(refusal("https://u:p@catalog.example.com", false)).isEqualTo(new FieldError("server",
                "must be the instance's base URL, without credentials, query or fragment"));
        assertThat(refusal("https://catalog.example.com\u0000", false)).isEqualTo(
                new FieldError("server", "may not contain the control character U+0000"));
        assertThat(refusal("https://" + "a".repeat(64) + ".example.com", false)).isEqualTo(
                new FieldError("server", "has a host name label longer than 63 characters"));
        for (String metadata : new String[] {"https://169.254.169.254", "https://METADATA.google.internal",
                "https://[fe80::1]:8443", "https://[fd00:ec2::254]"}) {
            assertThat(refusal(metadata, false)).as(metadata).isEqualTo(
                    new FieldError("server", "may not point at a link-local or cloud-metadata address"));
        }
    }

    @Test
    void httpIsAcceptedOnlyWhereAllowed() {
        assertThat(accepted("http://127.0.0.1:9/", true)).isEqualTo("http://127.0.0.1:9");
    }

    private static String accepted(String url, boolean allowHttp) {
        List<FieldError> errors = new ArrayList<>();
        String normalised = CatalogBaseUrls.check("url", url, allowHttp, EXAMPLE, errors);
        assertThat(errors).as(url).isEmpty();
        return normalised;
    }

    private static FieldError refusal(String url, boolean allowHttp) {
        List<FieldError> errors = new ArrayList<>();
        assertThat(CatalogBaseUrls.check("server", url, allowHttp, EXAMPLE, errors)).as(url).isNull();
        assertThat(errors).as(url).hasSize(1);
        return errors.get(0);
    }
}
