package io.catalogbridge.alation.simulator;

import io.catalogbridge.alation.simulator.DataQualityStore.Field;
import io.catalogbridge.alation.simulator.DataQualityStore.PostedValue;
import io.catalogbridge.alation.simulator.DataQualityStore.Value;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /integration/v1/data_quality/}: POST upserts fields and values, DELETE removes them, each as a bulk job;
 * {@code fields/} and {@code values/} list what is stored. A body is checked whole before the job starts (400
 * {@code {"Entry", "Message"}}); objects are resolved when the job ends, and an unknown one fails only its value.
 */
final class DataQualityEndpoints {

    private static final List<String> OBJECT_TYPES = List.of("TABLE", "ATTRIBUTE", "SCHEMA");

    private final DataQualityStore store;
    private final CatalogObjects catalog;
    private final BulkJobs jobs;
    private final int maxItems;
    private final Clock clock;

    DataQualityEndpoints(DataQualityStore store, CatalogObjects catalog, BulkJobs jobs, int maxItems, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.jobs = jobs;
        this.maxItems = maxItems;
        this.clock = clock;
    }

    Reply upsert(byte[] body) {
        try {
            Map<String, Object> request = object(body);
            List<Object> fieldItems = list(request, "fields");
            List<Object> valueItems = list(request, "values");
            List<Field> fields = new ArrayList<>(fieldItems.size());
            Set<String> keysInCall = new HashSet<>();
            for (int i = 0; i < fieldItems.size(); i++) {
                Field field = field(i, fieldItems.get(i));
                fields.add(field);
                keysInCall.add(field.key());
            }
            List<PostedValue> values = new ArrayList<>(valueItems.size());
            for (int i = 0; i < valueItems.size(); i++) {
                values.add(value(i, valueItems.get(i), keysInCall));
            }
            return BulkJobs.accepted(jobs.start("data-quality-upsert", () -> store.upsert(fields, values, catalog)));
        } catch (BadEntry bad) {
            return bad.reply();
        }
    }

    Reply delete(byte[] body) {
        try {
            Map<String, Object> request = object(body);
            List<Object> valueItems = list(request, "values");
            List<String[]> valueKeys = new ArrayList<>(valueItems.size());
            for (int i = 0; i < valueItems.size(); i++) {
                Map<String, Object> item = item(i, valueItems.get(i), "a value");
                valueKeys.add(new String[] {text(i, item, "field_key", true), text(i, item, "object_key", true)});
            }
            List<Object> fieldItems = list(request, "fields");
            List<String> fieldKeys = new ArrayList<>(fieldItems.size());
            for (int i = 0; i < fieldItems.size(); i++) {
                if (!(fieldItems.get(i) instanceof String key) || key.isBlank()) {
                    throw new BadEntry(i, "fields are given as their field_key strings");
                }
                fieldKeys.add(key);
            }
            return BulkJobs.accepted(jobs.start("data-quality-delete", () -> store.delete(valueKeys, fieldKeys)));
        } catch (BadEntry bad) {
            return bad.reply();
        }
    }

    Reply fields(String path, QueryParameters query) {
        QueryParameters.Page page = query.page();
        return Listing.of(path, query, page, store.fieldPage(query.text("key"), page.skip(), page.limit()),
                (json, field) -> {
                    json.writeStartObject();
                    json.writeStringField("field_key", field.key());
                    json.writeStringField("name", field.name());
                    json.writeStringField("type", field.type());
                    json.writeStringField("description", field.description());
                    json.writeEndObject();
                });
    }

    /** {@code object_key} (any case or quoting) and {@code field_key} filter; other parameters are ignored. */
    Reply values(String path, QueryParameters query) {
        QueryParameters.Page page = query.page();
        return Listing.of(path, query, page, store.valuePage(query.text("object_key"), query.text("field_key"),
                page.skip(), page.limit()), (json, value) -> {
                    json.writeStartObject();
                    json.writeStringField("field_key", value.fieldKey());
                    json.writeStringField("object_key", value.objectKey());
                    json.writeStringField("object_type", value.objectType());
                    json.writeStringField("status", value.status());
                    json.writeFieldName("value");
                    JsonValues.writeScalar(json, value.value());
                    json.writeStringField("url", value.url());
                    json.writeStringField("last_updated", value.lastUpdated());
                    json.writeEndObject();
                });
    }

    /** The body as a JSON object holding fields, values or both. */
    private static Map<String, Object> object(byte[] body) {
        Object parsed;
        try {
            parsed = JsonValues.read(body);
        } catch (IOException malformed) {
            throw new BadEntry(-1, "JSON parse error - " + malformed.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new BadEntry(-1, "a JSON object with fields and/or values is expected");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) map;
        if (request.get("fields") == null && request.get("values") == null) {
            throw new BadEntry(-1, "fields or values is required");
        }
        return request;
    }

    /** A list of the body (empty when absent), of at most {@code maxItems} items. */
    private List<Object> list(Map<String, Object> request, String name) {
        Object items = request.get(name);
        if (items == null) {
            return List.of();
        }
        if (!(items instanceof List<?> list)) {
            throw new BadEntry(-1, name + " must be a list");
        }
        if (list.size() > maxItems) {
            throw new BadEntry(-1, "at most " + maxItems + " " + name + " may be sent in one call, not "
                    + list.size());
        }
        @SuppressWarnings("unchecked")
        List<Object> objects = (List<Object>) list;
        return objects;
    }

    private static Field field(int entry, Object json) {
        Map<String, Object> item = item(entry, json, "a field");
        String key = text(entry, item, "field_key", true);
        String name = text(entry, item, "name", true);
        String type = oneOf(entry, item, "type", DataQualityStore.FIELD_TYPES);
        return new Field(key, name, type, text(entry, item, "description", false));
    }

    private PostedValue value(int entry, Object json, Set<String> keysInCall) {
        Map<String, Object> item = item(entry, json, "a value");
        String fieldKey = text(entry, item, "field_key", true);
        if (!keysInCall.contains(fieldKey) && !store.hasField(fieldKey)) {
            throw new BadEntry(entry, "field_key " + fieldKey + " does not exist: create the field first or in the "
                    + "same call");
        }
        String objectKey = text(entry, item, "object_key", true);
        String objectType = oneOf(entry, item, "object_type", OBJECT_TYPES);
        String status = oneOf(entry, item, "status", DataQualityStore.STATUSES);
        Object value = item.get("value");
        if (!JsonValues.isScalar(value)) {
            throw new BadEntry(entry, "value is required: a string, a number or a boolean");
        }
        String lastUpdated = text(entry, item, "last_updated", false);
        if (lastUpdated == null) {
            lastUpdated = TokenEndpoint.TIMESTAMP.format(clock.instant());
        }
        Value posted = new Value(fieldKey, objectKey, objectType, status, value, text(entry, item, "url", false),
                lastUpdated);
        return new PostedValue(posted, CatalogObjects.ObjectType.valueOf(objectType));
    }

    private static Map<String, Object> item(int entry, Object json, String what) {
        if (!(json instanceof Map<?, ?> map)) {
            throw new BadEntry(entry, what + " must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) map;
        return item;
    }

    /** A string field; a required one may not be missing or blank. */
    private static String text(int entry, Map<String, Object> item, String name, boolean required) {
        Object value = item.get(name);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String text) || required && text.isBlank()) {
            throw new BadEntry(entry, name + (required ? " is required" : " must be a string"));
        }
        return text;
    }

    private static String oneOf(int entry, Map<String, Object> item, String name, List<String> allowed) {
        Object value = item.get(name);
        if (!(value instanceof String text) || !allowed.contains(text)) {
            throw new BadEntry(entry, name + " must be one of " + String.join(", ", allowed) + ", not " + value);
        }
        return text;
    }
}
