package io.catalogbridge.alation.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/**
 * {@code /integration/flag/}: POST puts a flag on a table (201; not idempotent; {@link TrustFlags#loseCreateAnswers}
 * makes it answer 504 after creating), GET lists a table's flags, DELETE {@code /integration/flag/{id}/} removes one
 * of the caller's own (204; another user's 403; unknown 404).
 */
final class FlagEndpoints {

    private final TrustFlags flags;
    private final SimulatedCatalog catalog;

    FlagEndpoints(TrustFlags flags, SimulatedCatalog catalog) {
        this.flags = flags;
        this.catalog = catalog;
    }

    Reply create(byte[] body, long userId) {
        Map<String, Object> request;
        try {
            if (!(JsonValues.read(body) instanceof Map<?, ?> map)) {
                return Reply.error(400, "A JSON object is expected.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            request = object;
        } catch (IOException malformed) {
            return Reply.error(400, "JSON parse error - " + malformed.getMessage());
        }
        if (!(request.get("flag_type") instanceof String type) || !TrustFlags.TYPES.contains(type)) {
            return Reply.error(400, "flag_type must be one of " + String.join(", ", TrustFlags.TYPES) + ".");
        }
        Object reason = request.get("flag_reason");
        if (reason != null && !(reason instanceof String)) {
            return Reply.error(400, "flag_reason must be a string.");
        }
        if (!type.equals("ENDORSEMENT") && (reason == null || ((String) reason).isBlank())) {
            return Reply.error(400, "A " + type + " flag needs a flag_reason.");
        }
        if (!(request.get("subject") instanceof Map<?, ?> subject) || !"table".equals(subject.get("otype"))
                || JsonValues.wholeNumber(subject.get("id")) == null) {
            return Reply.error(400, "subject must be {\"id\": <table id>, \"otype\": \"table\"}.");
        }
        long tableId = JsonValues.wholeNumber(subject.get("id"));
        if (catalog.table(tableId).isEmpty()) {
            return Reply.error(400, "Invalid subject: there is no table " + tableId + ".");
        }
        TrustFlags.Flag flag = flags.seed(userId, tableId, type, type.equals("ENDORSEMENT") ? null : (String) reason);
        if (flags.loseCreateAnswer()) {
            return Reply.error(504, "Gateway Timeout");
        }
        return Reply.json(201, json -> write(json, flag));
    }

    /** {@code oid} and {@code otype=table} are required; {@code exclude_deleted=true} leaves deleted flags out. */
    Reply list(String path, QueryParameters query) {
        Long oid = query.number("oid");
        if (oid == null || !"table".equals(query.text("otype"))) {
            return Reply.error(400, "oid and otype=table are required.", "400006", Map.of());
        }
        String excludeDeleted = query.text("exclude_deleted");
        boolean exclude = excludeDeleted != null
                && (excludeDeleted.equalsIgnoreCase("true") || excludeDeleted.equals("1"));
        QueryParameters.Page page = query.page();
        return Listing.of(path, query, page, Slice.of(flags.on(oid, exclude), page.skip(), page.limit()),
                FlagEndpoints::write);
    }

    Reply delete(long id, long userId) {
        return switch (flags.delete(id, userId)) {
            case DELETED -> new Reply(204, "application/json", Map.of(), 0, new byte[0], null);
            case NOT_FOUND -> Reply.error(404, "Not found.");
            case NOT_THE_OWNER -> Reply.error(403, "You do not have permission to perform this action.");
        };
    }

    private static void write(JsonGenerator json, TrustFlags.Flag flag) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", flag.id());
        json.writeStringField("flag_type", flag.flagType());
        json.writeStringField("flag_reason", flag.reason());
        json.writeObjectFieldStart("subject");
        json.writeNumberField("id", flag.tableId());
        json.writeStringField("otype", "table");
        json.writeStringField("url", "/table/" + flag.tableId() + "/");
        json.writeEndObject();
        json.writeObjectFieldStart("user");
        json.writeNumberField("id", flag.userId());
        json.writeStringField("url", "/user/" + flag.userId() + "/");
        json.writeStringField("display_name", "Simulated User " + flag.userId());
        json.writeEndObject();
        json.writeStringField("ts_created", TokenEndpoint.TIMESTAMP.format(flag.created()));
        if (flag.deleted() == null) {
            json.writeNullField("ts_deleted");
        } else {
            json.writeStringField("ts_deleted", TokenEndpoint.TIMESTAMP.format(flag.deleted()));
        }
        json.writeEndObject();
    }
}
