package io.catalogbridge.openmetadata.simulator;

/**
 * An entity link as OpenMetadata's {@code MessageParser.EntityLink} reads it:
 * {@code <#E::{entityType}::{entityFQN}[::{fieldName}[::{arrayFieldName}[::{arrayFieldValue}]]]>}, parts separated
 * by {@code ::}, no {@code <} or {@code >} inside. A link that is not one is a 400, in the server's words.
 */
record EntityLink(String entityType, String entityFqn, String fieldName, String arrayFieldName,
                  String arrayFieldValue) {

    private static final String START = "<#E::";
    private static final String SEPARATOR = "::";

    static EntityLink parse(String link) {
        String inner = link.startsWith(START) && link.endsWith(">")
                ? link.substring(START.length(), link.length() - 1) : null;
        if (inner == null || inner.indexOf('<') >= 0 || inner.indexOf('>') >= 0) {
            throw new Query.BadRequest("Entity link was not found in " + link);
        }
        String[] parts = inner.split(SEPARATOR, -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new Query.BadRequest("Entity link was not found in " + link);
            }
        }
        if (parts.length < 2 || parts.length > 5) {
            throw new Query.BadRequest("Entity link was not found in " + link);
        }
        return new EntityLink(parts[0], parts[1], part(parts, 2), part(parts, 3), part(parts, 4));
    }

    private static String part(String[] parts, int index) {
        return index < parts.length ? parts[index] : null;
    }
}
