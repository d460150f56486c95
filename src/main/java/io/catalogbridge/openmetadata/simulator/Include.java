package io.catalogbridge.openmetadata.simulator;

import java.util.Locale;

/** OpenMetadata's {@code include} query parameter: which soft-deleted entities a read shows. */
public enum Include {
    NON_DELETED, DELETED, ALL;

    boolean admits(boolean deleted) {
        return this == ALL || deleted == (this == DELETED);
    }

    /** {@code non-deleted} (the default when absent), {@code deleted} or {@code all}; anything else is refused. */
    static Include parse(String value) {
        if (value == null || value.isEmpty()) {
            return NON_DELETED;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "non-deleted" -> NON_DELETED;
            case "deleted" -> DELETED;
            case "all" -> ALL;
            default -> throw new IllegalArgumentException("query param include must be one of [all, deleted, "
                    + "non-deleted]");
        };
    }
}
