package io.catalogbridge.alation.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import io.catalogbridge.simulator.SimulatorJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a data-quality job reports when it ends: fields and values created and updated (an upsert) or deleted and not
 * found (a delete), the values attributed to catalog objects and those whose object Alation could not resolve, and
 * the values stored by status.
 */
final class QualityResult {

    final Tally fieldsCreated = new Tally();
    final Tally fieldsUpdated = new Tally();
    final Tally fieldsDeleted = new Tally();
    final Tally fieldsNotFound = new Tally();
    final Tally valuesCreated = new Tally();
    final Tally valuesUpdated = new Tally();
    final Tally valuesDeleted = new Tally();
    final Tally valuesNotFound = new Tally();
    final Tally attributed = new Tally();
    final Tally unresolved = new Tally();
    private final long[] flagCounts = new long[DataQualityStore.STATUSES.size()];
    private final boolean deletion;
    private final long started = System.nanoTime();

    private QualityResult(boolean deletion) {
        this.deletion = deletion;
    }

    static QualityResult upsert() {
        return new QualityResult(false);
    }

    static QualityResult deletion() {
        return new QualityResult(true);
    }

    void stored(String status) {
        flagCounts[DataQualityStore.STATUSES.indexOf(status)]++;
    }

    /**
     * The job's result: an upsert shows created and updated and {@code flag_counts} by status; a delete adds deleted
     * and not_found and leaves {@code flag_counts} empty, as Alation does.
     */
    String json() {
        return new String(SimulatorJson.bytes(512, json -> {
            json.writeStartObject();
            writeActions(json, "fields", fieldsCreated, fieldsUpdated, fieldsDeleted, fieldsNotFound);
            writeActions(json, "values", valuesCreated, valuesUpdated, valuesDeleted, valuesNotFound);
            json.writeObjectFieldStart("created_object_attribution");
            json.writeNumberField("success_count", attributed.count());
            json.writeNumberField("failure_count", unresolved.count());
            json.writeFieldName("success_sample");
            attributed.writeSample(json);
            json.writeFieldName("failure_sample");
            unresolved.writeSample(json);
            json.writeEndObject();
            json.writeObjectFieldStart("flag_counts");
            if (!deletion) {
                for (int i = 0; i < flagCounts.length; i++) {
                    json.writeNumberField(DataQualityStore.STATUSES.get(i), flagCounts[i]);
                }
            }
            json.writeEndObject();
            json.writeNumberField("total_duration", (System.nanoTime() - started) / 1e9);
            json.writeEndObject();
        }), StandardCharsets.UTF_8);
    }

    /** {@code "fields"} or {@code "values"}: created and updated, and for a delete deleted and not_found. */
    private void writeActions(JsonGenerator json, String name, Tally created, Tally updated, Tally deleted,
                              Tally notFound) throws IOException {
        json.writeObjectFieldStart(name);
        created.write(json, "created");
        updated.write(json, "updated");
        if (deletion) {
            deleted.write(json, "deleted");
            notFound.write(json, "not_found");
        }
        json.writeEndObject();
    }
}
