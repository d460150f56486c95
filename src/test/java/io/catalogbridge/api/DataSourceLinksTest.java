package io.catalogbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.api.Problem.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSourceLinksTest {

    record Link(String name, Long target) {
    }

    @Test
    void namesAreRequiredStorableAndLinkedOnceAndTheWingJudgesEachLinksTargetAtItsPath() {
        List<FieldError> errors = new ArrayList<>();
        List<String> judged = new ArrayList<>();
        List<Link> links = Arrays.asList(new Link("pg", 1L), null, new Link(" ", 2L), new Link("pg", 3L),
                new Link("a\u0000", 4L), new Link("mysql", null));
        assertThat(DataSourceLinks.check("links", links, "name", Link::name, (link, at) -> {
            judged.add(at);
            if (link != null && link.target() == null) {
                errors.add(new FieldError(at + ".target", "is required"));
            }
        }, errors)).isSameAs(links);
        assertThat(judged).containsExactly("links[0]", "links[1]", "links[2]", "links[3]", "links[4]", "links[5]");
        assertThat(errors).containsExactly(
                new FieldError("links[1].name", "is required"),
                new FieldError("links[2].name", "is required"),
                new FieldError("links[3].name", "is linked twice"),
                new FieldError("links[4].name", "may not contain the control character U+0000"),
                new FieldError("links[5].target", "is required"));
    }

    @Test
    void noLinksAreAnEmptyList() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(DataSourceLinks.<Link>check("links", null, "name", Link::name, (link, at) -> {
            throw new AssertionError("no link to judge");
        }, errors)).isEmpty();
        assertThat(errors).isEmpty();
    }
}
