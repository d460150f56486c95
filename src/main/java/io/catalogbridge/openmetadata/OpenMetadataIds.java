package io.catalogbridge.openmetadata;

import java.util.UUID;

/**
 * OpenMetadata's entity ids are UUIDs. {@link UUID#fromString} is lenient (it takes {@code 1-2-3-4-5}); a client's
 * id must be the canonical 8-4-4-4-12 hexadecimal form, the only one OpenMetadata writes.
 */
public final class OpenMetadataIds {

    private OpenMetadataIds() {
    }

    /**
     * The UUID the text spells in canonical form (either case), or null. Checked character by character, not by a
     * regular expression: every table of a listing carries four of them.
     */
    public static UUID parse(String text) {
        return isCanonical(text) ? UUID.fromString(text) : null;
    }

    /** 8-4-4-4-12 hexadecimal digits: hyphens at 8, 13, 18 and 23, 36 characters in all. */
    private static boolean isCanonical(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
                return false;
            }
        }
        return true;
    }
}
