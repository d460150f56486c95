package io.catalogbridge.alation.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A count and the first few of what was counted, as Alation's job results give them ({@code {"count": 12, "sample":
 * [{"field_key": "f", "object_key": "7.public.orders"}]}}): a sample, never every item, so that a client cannot take
 * it for the whole list.
 */
final class Tally {

    /** The most items a sample shows. */
    static final int SAMPLE_SIZE = 10;

    private long count;
    private final List<String[]> sample = new ArrayList<>();

    /** Counts one item; {@code objectKey} null for a field. */
    void add(String fieldKey, String objectKey) {
        count++;
        if (sample.size() < SAMPLE_SIZE) {
            sample.add(new String[] {fieldKey, objectKey});
        }
    }

    long count() {
        return count;
    }

    /** {@code {"count", "sample"}}. */
    void write(JsonGenerator json, String name) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("count", count);
        json.writeFieldName("sample");
        writeSample(json);
        json.writeEndObject();
    }

    void writeSample(JsonGenerator json) throws IOException {
        json.writeStartArray();
        for (String[] item : sample) {
            json.writeStartObject();
            json.writeStringField("field_key", item[0]);
            if (item[1] != null) {
                json.writeStringField("object_key", item[1]);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
