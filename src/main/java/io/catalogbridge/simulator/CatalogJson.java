package io.catalogbridge.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The simulated catalog's objects in the shapes Alation's integration API gives them. */
final class CatalogJson {

    private CatalogJson() {
    }

    /** A native source ({@code /integration/v1/datasource/}): the connection in fields of its own. */
    static void nativeDataSource(JsonGenerator json, SimulatedDataSource source) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", source.id());
        json.writeStringField("dbtype", source.dbType().alationName());
        json.writeStringField("host", source.host());
        json.writeNumberField("port", source.port());
        json.writeStringField("dbname", source.dbName());
        json.writeStringField("uri", source.uri());
        json.writeStringField("title", source.title());
        json.writeStringField("description", source.description());
        json.writeBooleanField("is_virtual", false);
        json.writeBooleanField("is_hidden", false);
        json.writeBooleanField("private", false);
        json.writeBooleanField("deployment_setup_complete", true);
        json.writeStringField("url", source.url());
        json.writeEndObject();
    }

    /** A connector (OCF) source ({@code /integration/v2/datasource/}): the connection only inside its {@code uri}. */
    static void connectorDataSource(JsonGenerator json, SimulatedDataSource source) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", source.id());
        json.writeStringField("uri", source.uri());
        json.writeNumberField("connector_id", source.connectorId());
        json.writeStringField("title", source.title());
        json.writeStringField("description", source.description());
        json.writeBooleanField("is_hidden", false);
        json.writeBooleanField("private", false);
        json.writeBooleanField("deployment_setup_complete", true);
        json.writeStringField("url", source.url());
        json.writeEndObject();
    }

    static void schema(JsonGenerator json, SimulatedSchema schema) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", schema.id());
        json.writeStringField("name", schema.name());
        json.writeStringField("title", "");
        json.writeStringField("description", "");
        json.writeNumberField("ds_id", schema.dsId());
        json.writeStringField("key", schema.key());
        json.writeStringField("url", schema.url());
        json.writeArrayFieldStart("custom_fields");
        json.writeEndArray();
        json.writeEndObject();
    }

    static void table(JsonGenerator json, SimulatedTable table) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", table.id());
        json.writeStringField("name", table.name());
        json.writeStringField("title", table.title());
        json.writeStringField("description", table.description());
        json.writeNumberField("ds_id", table.dsId());
        json.writeStringField("key", table.key());
        json.writeStringField("url", table.url());
        json.writeStringField("table_type", table.tableType());
        json.writeNumberField("schema_id", table.schemaId());
        json.writeStringField("schema_name", table.schemaName());
        json.writeArrayFieldStart("custom_fields");
        json.writeEndArray();
        json.writeEndObject();
    }
}
