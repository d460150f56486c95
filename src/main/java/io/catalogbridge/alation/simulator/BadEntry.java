package io.catalogbridge.alation.simulator;

/**
 * A data-quality body Alation refuses: 400 {@code {"Entry": <index>, "Message": "..."}}, the index of the item at
 * fault in its list, or -1 when the body as a whole is.
 */
final class BadEntry extends RuntimeException {

    private final int entry;

    BadEntry(int entry, String message) {
        super(message, null, false, false);
        this.entry = entry;
    }

    Reply reply() {
        return Reply.json(400, json -> {
            json.writeStartObject();
            json.writeNumberField("Entry", entry);
            json.writeStringField("Message", getMessage());
            json.writeEndObject();
        });
    }
}
