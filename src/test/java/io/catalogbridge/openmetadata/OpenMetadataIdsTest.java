package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Only the canonical 8-4-4-4-12 hexadecimal spelling is an OpenMetadata id, in either case. */
class OpenMetadataIdsTest {

    @Test
    void theCanonicalFormInEitherCaseIsAnId() {
        assertThat(OpenMetadataIds.parse("1b3c5d7e-0000-4000-8000-00000000000a"))
                .isEqualTo(UUID.fromString("1b3c5d7e-0000-4000-8000-00000000000a"));
        assertThat(OpenMetadataIds.parse("1B3C5D7E-ABCD-4000-8000-00000000000F"))
                .isEqualTo(UUID.fromString("1b3c5d7e-abcd-4000-8000-00000000000f"));
    }

    @Test
    void anythingElseIsNot() {
        for (String text : new String[] {null, "", "1-2-3-4-5", "1b3c5d7e-0000-4000-8000-00000000000",
            "1b3c5d7e-0000-4000-8000-00000000000ab", "1b3c5d7e00000-4000-8000-00000000000a",
            "1b3c5d7e-0000-4000-8000-00000000000g", "1b3c5d7e-0000-4000-8000-00000000000\uff10",
            " 1b3c5d7e-0000-4000-8000-0000000000a", "1b3c5d7e-0000-4000-8000_00000000000a"}) {
            assertThat(OpenMetadataIds.parse(text)).as(text).isNull();
        }
    }
}
