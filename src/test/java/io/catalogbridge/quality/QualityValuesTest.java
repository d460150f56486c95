package io.catalogbridge.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Stored values read back in their type's JSON form, as the wings put them into JSON trees for the catalogs. */
class QualityValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String asCatalogGetsIt(String valueType, String stored) {
        return JSON.valueToTree(QualityResults.typedValue(valueType, stored)).toString();
    }

    @Test
    void aWholeNumberStaysAnIntegerAndAFractionKeepsItsDigits() {
        // a BigDecimal in a JSON tree loses its trailing zeros: 2000 would be written 2E+3
        assertThat(asCatalogGetsIt("NUMERIC", "2000")).isEqualTo("2000");
        assertThat(asCatalogGetsIt("NUMERIC", "1000.0")).isEqualTo("1000");
        assertThat(asCatalogGetsIt("NUMERIC", "0.00")).isEqualTo("0");
        assertThat(asCatalogGetsIt("NUMERIC", "-40")).isEqualTo("-40");
        assertThat(asCatalogGetsIt("NUMERIC", "26.50")).isEqualTo("26.5");
        assertThat(asCatalogGetsIt("NUMERIC", "123456789012345678901234567890")).isEqualTo("123456789012345678901234567890");
    }

    @Test
    void booleansAndTextsAreTheirOwnType() {
        assertThat(asCatalogGetsIt("BOOLEAN", "true")).isEqualTo("true");
        assertThat(asCatalogGetsIt("STRING", "2000")).isEqualTo("\"2000\"");
        assertThat(QualityResults.typedValue("NUMERIC", null)).isNull();
    }
}
