package io.catalogbridge.openmetadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Names of test definitions and test cases, made valid for OpenMetadata ({@code basic.json}'s {@code entityName} and
 * {@code testCaseEntityName}: 1 to 256 characters, no {@code ::}, and, as the schema's {@code .} does not match a
 * line break, no line breaks), and without {@code "}, which 1.4's FQN grammar cannot hold.
 *
 * <p>A valid name is kept as it is, so names stay readable. Any other one is mapped: each {@code "}, control
 * character and {@code ::} becomes {@code _}, the text is cut to fit, and {@code _} plus 12 hex digits of the SHA-256
 * of the original name is appended. So the mapping is deterministic, and collision-safe: a kept name never ends in
 * {@code _<12 hex digits>} (such a name is itself hashed), so it never equals a mapped one, and mapped names differ
 * whenever their originals do, up to a 48-bit hash collision.
 */
final class OpenMetadataQualityNames {

    static final int MAX_LENGTH = 256;
    private static final int HASH_DIGITS = 12;
    private static final Pattern HASH_LIKE_END = Pattern.compile(".*_[0-9a-f]{" + HASH_DIGITS + "}");

    private OpenMetadataQualityNames() {
    }

    /** The name OpenMetadata takes for {@code raw}: {@code raw} itself when valid and unambiguous, else mapped. */
    static String entityName(String raw) {
        return entityName(raw, false);
    }

    /**
     * As {@link #entityName(String)}, but {@code ambiguous} forces the mapped form: for a name another composition
     * could also produce (a table rule whose key ends in the column suffix).
     */
    static String entityName(String raw, boolean ambiguous) {
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException("A test definition or test case needs a name");
        }
        String cleaned = raw.replace("::", "_").replace('"', '_').replaceAll("\\p{Cntrl}", "_");
        if (!ambiguous && cleaned.equals(raw) && raw.length() <= MAX_LENGTH
                && !HASH_LIKE_END.matcher(raw).matches()) {
            return raw;
        }
        String suffix = "_" + hash(raw);
        int keep = Math.min(cleaned.length(), MAX_LENGTH - suffix.length());
        if (keep > 0 && Character.isHighSurrogate(cleaned.charAt(keep - 1))) {
            keep--; // never cut a character in two
        }
        return cleaned.substring(0, keep) + suffix; // a prefix of a text without "::" has none either
    }

    private static String hash(String raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
