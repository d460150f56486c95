package io.catalogbridge.alation.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The simulated catalog's objects in the shapes Alation's integration API gives them. */
final class CatalogJson {

    private CatalogJson() {
    }

    /** A native source ({@code /integration/v1/datasource/}): the connection in fields of its own. */
    static void nativeDataSource(JsonGenerator json, SimulatedDataSource source, boolean hidden) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", source.id());
        json.writeStringField("dbtype", source.dbType().alationName());
        json.writeStringField("host", source.host());
        json.writeNumberField("port", source.port());
        json.writeStringField("dbname", source.dbName());
        json.writeStringField("uri", source.uri());
        json.writeBooleanField("is_virtual", false);
        dataSourceFields(json, source, hidden);
        json.writeEndObject();
    }

    /** A connector (OCF) source ({@code /integration/v2/datasource/}): the connection only inside its {@code uri}. */
    static void connectorDataSource(JsonGenerator json, SimulatedDataSource source, boolean hidden)
            throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", source.id());
        json.writeStringField("uri", source.uri());
        json.writeNumberField("connector_id", source.connectorId());
        dataSourceFields(json, source, hidden);
        json.writeEndObject();
    }

    private static void dataSourceFields(JsonGenerator json, SimulatedDataSource source, boolean hidden)
            throws IOException {
        json.writeStringField("title", source.title());
        json.writeStringField("description", source.description());
        json.writeBooleanField("is_hidden", hidden);
        json.writeBooleanField("private", false);
        json.writeBooleanField("deployment_setup_complete", true);
        json.writeStringField("url", source.url());
    }

    static void schema(JsonGenerator json, SimulatedSchema schema) throws IOException {
        json.writeStartObject();
        objectFields(json, schema.id(), schema.name(), "", "", schema.dsId(), schema.key(), schema.url());
        customFields(json);
        json.writeEndObject();
    }

    static void table(JsonGenerator json, SimulatedTable table) throws IOException {
        json.writeStartObject();
        objectFields(json, table.id(), table.name(), table.title(), table.description(), table.dsId(), table.key(),
                table.url());
        json.writeStringField("table_type", table.tableType());
        json.writeNumberField("schema_id", table.schemaId());
        json.writeStringField("schema_name", table.schemaName());
        customFields(json);
        json.writeEndObject();
    }

    /** What every catalog object (schema, table) carries. */
    private static void objectFields(JsonGenerator json, long id, String name, String title, String description,
                                     long dsId, String key, String url) throws IOException {
        json.writeNumberField("id", id);
        json.writeStringField("name", name);
        json.writeStringField("title", title);
        json.writeStringField("description", description);
        json.writeNumberField("ds_id", dsId);
        json.writeStringField("key", key);
        json.writeStringField("url", url);
    }

    /** Alation lists the object's custom field values; the simulated catalog has none. */
    private static void customFields(JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("custom_fields");
        json.writeEndArray();
    }
}
