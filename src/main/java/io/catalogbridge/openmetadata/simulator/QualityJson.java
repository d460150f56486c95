package io.catalogbridge.openmetadata.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Test definitions, test cases, their results and the change event a 1.4 server answers a result with, in the shapes
 * of openmetadata-spec's {@code tests/testDefinition.json}, {@code tests/testCase.json},
 * {@code tests/basic.json#/definitions/testCaseResult} and {@code type/changeEvent.json}. As elsewhere, absent values
 * are left out ({@code @JsonInclude(NON_NULL)}), and so is {@code href}.
 */
final class QualityJson {

    /** Which of a test case's optional fields a read includes ({@code fields=testSuite,testDefinition,...}). */
    record Fields(boolean testSuite, boolean testDefinition, boolean testCaseResult) {
        /** What a create answers with: the references it resolved, no result yet. */
        static final Fields CREATED = new Fields(true, true, false);
        static final Fields ALL = new Fields(true, true, true);

        /** {@code fields=a,b} or {@code *}; the server adds a field only when it is asked for. */
        static Fields parse(String fields) {
            if (fields == null) {
                return new Fields(false, false, false);
            }
            List<String> asked = List.of(fields.replace(" ", "").split(","));
            boolean all = asked.contains("*");
            return new Fields(all || asked.contains("testSuite"), all || asked.contains("testDefinition"),
                    all || asked.contains("testCaseResult"));
        }
    }

    private QualityJson() {
    }

    static void definition(JsonGenerator json, OmTestDefinition definition) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", definition.id().toString());
        json.writeStringField("name", definition.name());
        optional(json, "displayName", definition.displayName());
        json.writeStringField("fullyQualifiedName", definition.fullyQualifiedName());
        json.writeStringField("description", definition.description());
        optional(json, "entityType", definition.entityType());
        strings(json, "testPlatforms", definition.testPlatforms());
        if (!definition.supportedDataTypes().isEmpty()) {
            strings(json, "supportedDataTypes", definition.supportedDataTypes());
        }
        json.writeArrayFieldStart("parameterDefinition");
        for (OmTestDefinition.Parameter parameter : definition.parameterDefinition()) {
            json.writeStartObject();
            optional(json, "name", parameter.name());
            optional(json, "displayName", parameter.displayName());
            optional(json, "dataType", parameter.dataType());
            optional(json, "description", parameter.description());
            json.writeBooleanField("required", parameter.required());
            json.writeEndObject();
        }
        json.writeEndArray();
        changeFields(json, definition.version(), definition.updatedAt(), definition.updatedBy());
        json.writeBooleanField("deleted", false);
        json.writeEndObject();
    }

    /** A table's executable test suite ({@code tests/testSuite.json}), as its create answers it. */
    static void suite(JsonGenerator json, OmTestSuite suite, UUID tableId) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", suite.id().toString());
        json.writeStringField("name", suite.name());
        json.writeStringField("fullyQualifiedName", suite.fullyQualifiedName());
        optional(json, "description", suite.description());
        json.writeStringField("serviceType", "TestSuite");
        changeFields(json, 0.1, suite.updatedAt(), suite.updatedBy());
        json.writeBooleanField("deleted", false);
        json.writeBooleanField("executable", true);
        EntityJson.reference(json, "executableEntityReference", "table", tableId, suite.tableFqn(), suite.tableFqn());
        json.writeEndObject();
    }

    /**
     * A test case; {@code latest} is its newest result (null: none), written when {@code fields} asks for it;
     * {@code suiteId} is its table's suite's id.
     */
    static void testCase(JsonGenerator json, OmTestCase testCase, Fields fields, UUID suiteId,
                         OmTestCaseResult latest) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", testCase.id().toString());
        json.writeStringField("name", testCase.name());
        optional(json, "displayName", testCase.displayName());
        json.writeStringField("fullyQualifiedName", testCase.fullyQualifiedName());
        optional(json, "description", testCase.description());
        if (fields.testDefinition()) {
            OmTestDefinition definition = testCase.testDefinition();
            EntityJson.reference(json, "testDefinition", "testDefinition", definition.id(), definition.name(),
                    definition.fullyQualifiedName());
        }
        json.writeStringField("entityLink", testCase.entityLink());
        json.writeStringField("entityFQN", testCase.entityFqn());
        if (fields.testSuite()) {
            EntityJson.reference(json, "testSuite", "testSuite", suiteId, testCase.testSuite(), testCase.testSuite());
        }
        json.writeArrayFieldStart("parameterValues");
        for (OmTestCase.ParameterValue value : testCase.parameterValues()) {
            json.writeStartObject();
            optional(json, "name", value.name());
            optional(json, "value", value.value());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (fields.testCaseResult() && latest != null) {
            json.writeFieldName("testCaseResult");
            result(json, latest, null, null);
        }
        changeFields(json, testCase.version(), testCase.updatedAt(), testCase.updatedBy());
        json.writeBooleanField("deleted", testCase.deleted());
        json.writeBooleanField("computePassedFailedRowCount", false);
        json.writeEndObject();
    }

    /** A result; 1.6+ servers keep results as entities of their own, with an {@code id} and {@code testCaseFQN}. */
    static void result(JsonGenerator json, OmTestCaseResult result, UUID id, String testCaseFqn) throws IOException {
        json.writeStartObject();
        if (id != null) {
            json.writeStringField("id", id.toString());
            json.writeStringField("testCaseFQN", testCaseFqn);
        }
        json.writeNumberField("timestamp", result.timestamp());
        json.writeStringField("testCaseStatus", result.testCaseStatus());
        optional(json, "result", result.result());
        json.writeArrayFieldStart("testResultValue");
        for (OmTestCaseResult.TestResultValue value : result.testResultValue()) {
            json.writeStartObject();
            optional(json, "name", value.name());
            optional(json, "value", value.value());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /**
     * What a 1.4 server answers {@code PUT .../{fqn}/testCaseResult} with: the change event of the test case, the
     * result in {@code fieldsAdded}, the test case (with its references and the result) as {@code entity}.
     */
    static void resultEvent(JsonGenerator json, UUID eventId, OmTestCase testCase, UUID suiteId,
                            OmTestCaseResult result, OmTestCaseResult latest, String userName, long now)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("id", eventId.toString());
        json.writeStringField("eventType", "entityUpdated");
        json.writeStringField("entityType", "testCase");
        json.writeStringField("entityId", testCase.id().toString());
        json.writeStringField("entityFullyQualifiedName", testCase.fullyQualifiedName());
        json.writeNumberField("previousVersion", testCase.version());
        json.writeNumberField("currentVersion", testCase.version());
        json.writeStringField("userName", userName);
        json.writeNumberField("timestamp", now);
        json.writeObjectFieldStart("changeDescription");
        json.writeArrayFieldStart("fieldsAdded");
        json.writeStartObject();
        json.writeStringField("name", "testCaseResult");
        json.writeFieldName("newValue");
        result(json, result, null, null);
        json.writeEndObject();
        json.writeEndArray();
        json.writeArrayFieldStart("fieldsUpdated");
        json.writeEndArray();
        json.writeArrayFieldStart("fieldsDeleted");
        json.writeEndArray();
        json.writeNumberField("previousVersion", testCase.version());
        json.writeEndObject();
        json.writeFieldName("entity");
        testCase(json, testCase, Fields.ALL, suiteId, latest);
        json.writeEndObject();
    }

    /** A result listing: newest first; {@code paging} carries the asked window as the server does. */
    static void results(JsonGenerator json, List<OmTestCaseResult> results, String startTs, String endTs,
                        ResultIds ids) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("data");
        for (OmTestCaseResult result : results) {
            result(json, result, ids == null ? null : ids.id(result), ids == null ? null : ids.testCaseFqn());
        }
        json.writeEndArray();
        json.writeObjectFieldStart("paging");
        json.writeStringField("before", startTs);
        json.writeStringField("after", endTs);
        json.writeNumberField("total", results.size());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The ids a 1.6+ listing gives its results. */
    interface ResultIds {
        UUID id(OmTestCaseResult result);

        String testCaseFqn();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void optional(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static void changeFields(JsonGenerator json, double version, long updatedAt, String updatedBy)
            throws IOException {
        json.writeNumberField("version", version);
        json.writeNumberField("updatedAt", updatedAt);
        json.writeStringField("updatedBy", updatedBy);
    }
}
