package io.catalogbridge.openmetadata;

/**
 * Entity links, the way a test case names what it tests: {@code <#E::table::<table fqn>>} or
 * {@code <#E::table::<table fqn>::columns::<column>>}.
 *
 * <p>OpenMetadata has no escaping inside a link (server source: {@code MessageParser.EntityLink}, whose pattern takes
 * each part as {@code [^<>]+?} between {@code ::} separators, and whose {@code parse} cuts the link at the first
 * {@code |}, the start of a fallback text). So a table FQN or column holding {@code <}, {@code >}, {@code |} or
 * {@code ::} cannot be linked at all: the server would read another table, or no link. Such names are refused here
 * ({@link UnlinkableException}), so a delivery fails for good instead of landing on the wrong entity. The column is
 * written as the table lists it, unquoted, as the server's {@code getLinkString} writes it.
 *
 * <p>OpenMetadata 1.4's schema ({@code basic.json#/definitions/entityLink}) further limits a link to
 * {@code (?U)<#E::\w+::[\w'\- .&/:+"\\()$#%]+>}: a name with, say, a comma or {@code @} passes here but a 1.4 server
 * refuses it with a 400, which the delivery then records as its failure.
 */
final class OpenMetadataEntityLinks {

    private static final String SEPARATOR = "::";

    private OpenMetadataEntityLinks() {
    }

    /** The link of a table (column null) or of one of its columns. */
    static String table(String tableFqn, String column) {
        check("table FQN", tableFqn);
        if (column == null) {
            return "<#E" + SEPARATOR + "table" + SEPARATOR + tableFqn + ">";
        }
        check("column", column);
        return "<#E" + SEPARATOR + "table" + SEPARATOR + tableFqn + SEPARATOR + "columns" + SEPARATOR + column + ">";
    }

    private static void check(String what, String part) {
        if (part == null || part.isEmpty()) {
            throw new UnlinkableException("An entity link needs a " + what);
        }
        if (part.contains(SEPARATOR) || part.indexOf('<') >= 0 || part.indexOf('>') >= 0 || part.indexOf('|') >= 0
                || part.startsWith(":") || part.endsWith(":")) {
            // a leading or trailing ':' would join the separator next to it into ":::", read as "::" plus ':'
            throw new UnlinkableException("OpenMetadata cannot link the " + what + " " + part
                    + ": an entity link has no escape for '::', '<', '>' or '|'");
        }
    }

    /** A name OpenMetadata's entity links cannot hold: the result can never be delivered to this table. */
    public static final class UnlinkableException extends IllegalArgumentException {
        UnlinkableException(String message) {
            super(message);
        }
    }
}
