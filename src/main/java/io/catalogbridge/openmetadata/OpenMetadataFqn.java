package io.catalogbridge.openmetadata;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * OpenMetadata's fully qualified names ({@code service.database.schema.table}), built the way its server builds them
 * ({@code FullyQualifiedName.build}), never taken apart by splitting on dots: a part may contain one.
 *
 * <p>The quoting rule, per part:
 * <ul>
 *   <li>a part with a {@code .} is wrapped in double quotes: {@code pg_prod.sales.public."fin.ledger"}; every other
 *       part stands as it is, spaces, {@code ::}, {@code /} and non-ASCII letters included;</li>
 *   <li>a part already wrapped ({@code "fin.ledger"}) is taken as quoted, so building is idempotent; wrapped without
 *       a dot inside ({@code "sales"}) it is unwrapped, as the server does;</li>
 *   <li>a part with a {@code "} inside has been written three ways over OpenMetadata's life: in 1.4 the grammar has
 *       no way to hold one (openmetadata-spec 1.4.0's {@code FqnParser} refuses it, and the server's
 *       {@code quoteName} refused such a name); later servers escaped it with a backslash ({@code a\"b}), unwrapped,
 *       an FQN their own parser could not read back; since OpenMetadata's pull request #28697 (mid-2026) the part is
 *       wrapped and the quote doubled ({@code "a""b"}). This class builds the current form, and
 *       {@link #isPortable} says when a part reads the same on every server. Where the bridge holds an object's own
 *       {@code fullyQualifiedName}, it uses that instead of building one.</li>
 * </ul>
 */
public final class OpenMetadataFqn {

    private static final char SEPARATOR = '.';
    private static final char QUOTE = '"';
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** A part already written quoted: by the server, or by an earlier build (quotes inside doubled). */
    private static final Pattern ENCODED = Pattern.compile("\"(?:[^\"]|\"\")+\"");
    /** A part quoted by every version alike: no quote inside. */
    private static final Pattern PLAIN_WRAPPED = Pattern.compile("\"[^\"]+\"");

    private OpenMetadataFqn() {
    }

    /** The FQN of these parts, each quoted as OpenMetadata quotes it. */
    public static String build(String... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("An FQN has at least one part");
        }
        StringBuilder fqn = new StringBuilder();
        for (String part : parts) {
            if (!fqn.isEmpty()) {
                fqn.append(SEPARATOR);
            }
            fqn.append(quote(part));
        }
        return fqn.toString();
    }

    /** One part as it stands in an FQN. */
    public static String quote(String part) {
        if (part == null || part.isEmpty()) {
            throw new IllegalArgumentException("An FQN part may not be " + (part == null ? "null" : "empty"));
        }
        if (ENCODED.matcher(part).matches()) {
            String inner = part.substring(1, part.length() - 1);
            // "sales" needs no quotes; "fin.ledger" and "a""b" are already as they must stand
            return inner.indexOf(SEPARATOR) >= 0 || inner.indexOf(QUOTE) >= 0 ? part : inner;
        }
        if (part.indexOf(QUOTE) >= 0) {
            return QUOTE + part.replace("\"", "\"\"") + QUOTE;
        }
        return part.indexOf(SEPARATOR) >= 0 ? QUOTE + part + QUOTE : part;
    }

    /** Whether every OpenMetadata version writes this part the same way in an FQN: it has no {@code "} inside. */
    public static boolean isPortable(String part) {
        if (part == null || part.isEmpty()) {
            return false;
        }
        return part.indexOf(QUOTE) < 0 || PLAIN_WRAPPED.matcher(part).matches();
    }

    /**
     * The FQN as one path segment, for {@code GET /v1/tables/name/{fqn}}: UTF-8, every byte but RFC 3986's
     * unreserved characters percent-encoded. A space is {@code %20} (never {@code +}, which a path keeps as a plus),
     * and {@code /}, {@code "}, {@code %}, {@code ?} and {@code #} are encoded, so no name can end or redirect the path.
     */
    public static String encodeAsPathSegment(String fqn) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : fqn.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }
}
