package io.catalogbridge.openmetadata;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * OpenMetadata's entity ids are UUIDs. {@link UUID#fromString} is lenient (it takes {@code 1-2-3-4-5}); a client's
 * id must be the canonical 8-4-4-4-12 hexadecimal form, the only one OpenMetadata writes.
 */
public final class OpenMetadataIds {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private OpenMetadataIds() {
    }

    /** The UUID the text spells in canonical form (either case), or null. */
    public static UUID parse(String text) {
        return text != null && CANONICAL.matcher(text).matches() ? UUID.fromString(text) : null;
    }
}
