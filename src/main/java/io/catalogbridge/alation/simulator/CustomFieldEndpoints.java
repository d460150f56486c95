package io.catalogbridge.alation.simulator;

import io.catalogbridge.alation.simulator.CustomFieldValues.StoredValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code PUT /integration/v2/custom_field_value/async/}: rich-text values on tables, written by a bulk job (two on
 * cloud-native Alation: the first's result names the second, and only the second writes). A batch with one bad object
 * is refused whole: 400 "Invalid Payload". {@code GET /integration/v2/custom_field_value/} lists what is written.
 */
final class CustomFieldEndpoints {

    /** The most objects one call may hold. */
    static final int MAX_OBJECTS = 10_000;
    /** The largest value, in UTF-8 bytes: "under about 190 KB". */
    static final int MAX_VALUE_BYTES = 190 * 1024;

    private final CustomFieldValues values;
    private final SimulatedCatalog catalog;
    private final BulkJobs jobs;
    private final boolean cloudNative;
    private final Set<Long> fieldIds;
    private final Clock clock;

    CustomFieldEndpoints(CustomFieldValues values, SimulatedCatalog catalog, BulkJobs jobs, WriteSettings settings,
                         Clock clock) {
        this.values = values;
        this.catalog = catalog;
        this.jobs = jobs;
        this.cloudNative = settings.cloudNative();
        this.fieldIds = settings.richTextFieldIds();
        this.clock = clock;
    }

    Reply put(byte[] body) {
        List<StoredValue> batch;
        try {
            batch = batch(body);
        } catch (InvalidPayload invalid) {
            return invalid.reply();
        }
        int count = batch.size();
        if (!cloudNative) {
            return BulkJobs.accepted(jobs.start("custom-field-value", () -> write(batch)));
        }
        return BulkJobs.accepted(jobs.start("custom-field-value", () -> {
            long second = jobs.start("custom-field-value-write", () -> write(batch));
            return BulkJobs.texts("Accepted custom field values of " + count + " objects; they are written by a "
                    + "second job (can be tracked using jobs API): " + second);
        }));
    }

    private String write(List<StoredValue> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        values.write(batch.stream().map(v -> new StoredValue(v.fieldId(), v.oid(), v.value(), now)).toList());
        return BulkJobs.texts("Updated custom field values of " + batch.size() + " objects.");
    }

    /** {@code otype=table} (the only one simulated; absent means table), {@code oid}, {@code field_id}. */
    Reply list(String path, QueryParameters query) {
        String otype = query.text("otype");
        if (otype != null && !otype.equals("table")) {
            return Reply.error(400, "Only otype=table is supported.", "400006", Map.of());
        }
        QueryParameters.Page page = query.page();
        return Listing.of(path, query, page, values.page(query.number("oid"), query.number("field_id"), page.skip(),
                page.limit()), (json, value) -> {
                    json.writeStartObject();
                    json.writeNumberField("field_id", value.fieldId());
                    json.writeStringField("otype", "table");
                    json.writeNumberField("oid", value.oid());
                    json.writeStringField("value", value.value());
                    json.writeStringField("ts_updated", TokenEndpoint.TIMESTAMP.format(value.updated()));
                    json.writeEndObject();
                });
    }

    /** The whole batch, or the first reason it is refused. */
    private List<StoredValue> batch(byte[] body) {
        Object parsed;
        try {
            parsed = JsonValues.read(body);
        } catch (IOException malformed) {
            throw new InvalidPayload("not JSON: " + malformed.getMessage());
        }
        if (!(parsed instanceof List<?> items) || items.isEmpty()) {
            throw new InvalidPayload("a non-empty JSON array of objects is expected");
        }
        if (items.size() > MAX_OBJECTS) {
            throw new InvalidPayload("at most " + MAX_OBJECTS + " objects a call, not " + items.size());
        }
        List<StoredValue> batch = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            batch.add(item(i, items.get(i)));
        }
        return batch;
    }

    private StoredValue item(int index, Object json) {
        if (!(json instanceof Map<?, ?> item)) {
            throw new InvalidPayload("object " + index + " is not a JSON object");
        }
        Long fieldId = JsonValues.wholeNumber(item.get("field_id"));
        if (fieldId == null || !fieldIds.contains(fieldId)) {
            throw new InvalidPayload("object " + index + ": no rich-text custom field " + item.get("field_id"));
        }
        if (!"table".equals(item.get("otype"))) {
            throw new InvalidPayload("object " + index + ": otype must be table, not " + item.get("otype"));
        }
        Long oid = JsonValues.wholeNumber(item.get("oid"));
        if (oid == null || catalog.table(oid).isEmpty()) {
            throw new InvalidPayload("object " + index + ": no table " + item.get("oid"));
        }
        if (!(item.get("value") instanceof String value)) {
            throw new InvalidPayload("object " + index + ": value must be a string");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            throw new InvalidPayload("object " + index + ": value is over " + MAX_VALUE_BYTES + " bytes");
        }
        return new StoredValue(fieldId, oid, value, null);
    }

    /** 400 {@code {"detail": "Invalid Payload", "code": "400000", "errors": ["<why>"]}} for the whole batch. */
    private static final class InvalidPayload extends RuntimeException {
        InvalidPayload(String why) {
            super(why, null, false, false);
        }

        Reply reply() {
            return Reply.json(400, json -> {
                json.writeStartObject();
                json.writeStringField("detail", "Invalid Payload");
                json.writeStringField("code", "400000");
                json.writeArrayFieldStart("errors");
                json.writeString(getMessage());
                json.writeEndArray();
                json.writeEndObject();
            });
        }
    }
}
