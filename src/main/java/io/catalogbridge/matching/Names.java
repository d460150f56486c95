package io.catalogbridge.matching;

import java.util.Locale;

/**
 * How the matcher compares names. Catalogs keep names in their case but look keys up case-insensitively, so the
 * matcher compares case-folded whole strings: never split on dots, since a table name may contain one and schema
 * names are multipart ({@code database.schema}).
 */
public final class Names {

    private Names() {
    }

    /** The case-folded form every case-insensitive comparison and index key uses; locale-independent on purpose. */
    public static String fold(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    static boolean equalIgnoringCase(String a, String b) {
        return a != null && b != null && fold(a).equals(fold(b));
    }

    /** Null for null, empty or blank text, so that "not known" has one spelling. */
    static String known(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The multipart schema name catalogs use for databases with several schemas, or null without a database. */
    static String multipartSchema(String database, String schema) {
        return known(database) == null || schema == null ? null : database + "." + schema;
    }
}
