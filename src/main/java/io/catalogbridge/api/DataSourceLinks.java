package io.catalogbridge.api;

import io.catalogbridge.api.Problem.FieldError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The rule every wing's data-source links share (design.md, matching rule 1a): each link names an observability data
 * source that is required, storable text ({@link TextFields}) and linked at most once. What a link points at in the
 * catalog (an id, a service name) is the wing's to judge.
 */
public final class DataSourceLinks {

    private DataSourceLinks() {
    }

    /**
     * Checks the links of {@code listField} ({@code data_source_links}), adding an error for each bad field: each
     * link's {@code nameField} as {@code name} reads it, then the link's catalog side as {@code target} judges it,
     * given the link (null for a {@code null} in the list) and its path ({@code data_source_links[2]}). Answers the
     * links, an empty list for none.
     */
    public static <L> List<L> check(String listField, List<L> links, String nameField, Function<L, String> name,
            BiConsumer<L, String> target, List<FieldError> errors) {
        if (links == null) {
            return List.of();
        }
        Set<String> linked = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            L link = links.get(i);
            String at = listField + "[" + i + "]";
            String dataSourceName = link == null ? null : name.apply(link);
            if (TextFields.checkRequired(at + "." + nameField, dataSourceName, errors) && !linked.add(dataSourceName)) {
                errors.add(new FieldError(at + "." + nameField, "is linked twice"));
            }
            target.accept(link, at);
        }
        return links;
    }
}
