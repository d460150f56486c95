package io.catalogbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFieldsTest {

    @Test
    void nulAndTheOtherC0ControlsAreRefusedButTabNewlineAndCarriageReturnAreText() {
        assertThat(TextFields.problem("a\u0000b")).isEqualTo("may not contain the control character U+0000");
        assertThat(TextFields.problem("\u0001")).isEqualTo("may not contain the control character U+0001");
        assertThat(TextFields.problem("x\u001f")).isEqualTo("may not contain the control character U+001F");
        assertThat(TextFields.problem("a\tb\nc\r\n")).isNull();
    }

    @Test
    void delAndC1ControlsAndEveryRealCharacterAreStoredAsSent() {
        assertThat(TextFields.problem("\u007f\u0085\u009f")).isNull();
        assertThat(TextFields.problem("caf\u00e9 \u4e2d \ud83d\ude00 '; DROP TABLE asset; --")).isNull();
        assertThat(TextFields.problem("")).isNull();
        assertThat(TextFields.problem(null)).isNull();
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertThat(TextFields.problem("a\ud800")).isEqualTo("may not contain an unpaired surrogate (U+D800)");
        assertThat(TextFields.problem("\ude00a")).isEqualTo("may not contain an unpaired surrogate (U+DE00)");
        assertThat(TextFields.problem("\ud83d\ud83d\ude00")).isEqualTo("may not contain an unpaired surrogate (U+D83D)");
    }

    @Test
    void checkNamesTheFieldOnlyWhenTheTextIsRefused() {
        List<Problem.FieldError> errors = new ArrayList<>();
        assertThat(TextFields.check("table", "orders", errors)).isTrue();
        assertThat(TextFields.check("[3].schema", "s\u0000", errors)).isFalse();
        assertThat(errors).containsExactly(
                new Problem.FieldError("[3].schema", "may not contain the control character U+0000"));
    }

    @Test
    void checkRequiredRefusesNullAndBlankTextThenJudgesItAsCheckDoes() {
        List<Problem.FieldError> errors = new ArrayList<>();
        assertThat(TextFields.checkRequired("asset_id", "35xftecujtsjd", errors)).isTrue();
        assertThat(TextFields.checkRequired("asset_id", null, errors)).isFalse();
        assertThat(TextFields.checkRequired("asset_id", " \t", errors)).isFalse();
        assertThat(TextFields.checkRequired("asset_id", "a\u0001", errors)).isFalse();
        assertThat(errors).containsExactly(
                new Problem.FieldError("asset_id", "is required"),
                new Problem.FieldError("asset_id", "is required"),
                new Problem.FieldError("asset_id", "may not contain the control character U+0001"));
    }
}
