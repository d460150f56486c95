package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.SimulatorJson;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.catalogbridge.openmetadata.simulator.ServiceType.NameCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The simulated catalog's entities in the shapes OpenMetadata 1.4 serves them (its JSON Schemas in
 * {@code openmetadata-spec}), written field by field to a streaming generator. Absent values are left out, as the
 * server's generated classes do ({@code @JsonInclude(NON_NULL)}): a caller without bot or admin rights gets a
 * database service without its {@code connection}.
 */
final class EntityJson {

    /** A fixed change time for every entity, so answers stay byte-for-byte deterministic. */
    static final long UPDATED_AT = 1_735_689_600_000L;
    static final String UPDATED_BY = "ingestion-bot";
    /** What the server shows instead of a secret. */
    static final String MASKED = "*********";

    /** Every table's three columns, as words: each table writes them in its own case ({@link #columnNames}). */
    static final List<String> COLUMN_WORDS = List.of("id", "name", "updated at");

    private EntityJson() {
    }

    /** The column names of a table in {@code nameCase}: {@code id, name, updated_at} or {@code ID, ...}. */
    static List<String> columnNames(NameCase nameCase) {
        return COLUMN_WORDS.stream().map(words -> TableVocabulary.words(nameCase, words)).toList();
    }

    static void service(JsonGenerator json, OmService service, int databaseCount, boolean withConnection)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("id", service.id().toString());
        json.writeStringField("name", service.name());
        json.writeStringField("fullyQualifiedName", Fqn.quote(service.name()));
        json.writeStringField("displayName", service.displayName());
        json.writeStringField("serviceType", service.type().openMetadataName());
        json.writeStringField("description", "Simulated " + service.type().openMetadataName() + " service");
        if (withConnection) {
            json.writeObjectFieldStart("connection");
            json.writeObjectFieldStart("config");
            connectionConfig(json, service, databaseCount);
            json.writeEndObject();
            json.writeEndObject();
        }
        changeFields(json);
        json.writeEndObject();
    }

    /** The fields each connection type's schema requires, and the ones the bridge matches on. */
    private static void connectionConfig(JsonGenerator json, OmService service, int databaseCount)
            throws IOException {
        ServiceType type = service.type();
        json.writeStringField("type", type.openMetadataName());
        switch (type) {
            case SNOWFLAKE -> {
                json.writeStringField("username", "OPENMETADATA");
                json.writeStringField("account", service.account());
                json.writeStringField("warehouse", "COMPUTE_WH");
                if (databaseCount == 1) {
                    json.writeStringField("database", service.database());
                }
            }
            case POSTGRES, REDSHIFT, MSSQL -> {
                json.writeStringField("username", "openmetadata");
                json.writeStringField("hostPort", service.hostPort());
                json.writeStringField("database", service.database());
                json.writeBooleanField("ingestAllDatabases", databaseCount > 1);
            }
            case MYSQL -> {
                json.writeStringField("username", "openmetadata");
                json.writeStringField("hostPort", service.hostPort());
            }
            case ORACLE -> {
                json.writeStringField("username", "OPENMETADATA");
                json.writeStringField("hostPort", service.hostPort());
                json.writeObjectFieldStart("oracleConnectionType");
                json.writeStringField("oracleServiceName", "ORCLPDB1");
                json.writeEndObject();
            }
            case DATABRICKS -> {
                json.writeStringField("hostPort", service.hostPort());
                json.writeStringField("token", MASKED);
                json.writeStringField("httpPath", "/sql/1.0/warehouses/" + service.id().toString().substring(0, 16)
                        .replace("-", ""));
                if (databaseCount == 1) {
                    json.writeStringField("catalog", service.database());
                }
            }
            case BIGQUERY -> {
                json.writeStringField("hostPort", service.hostPort());
                json.writeObjectFieldStart("credentials");
                json.writeStringField("gcpConfig", "/secrets/gcp-" + service.name() + ".json");
                json.writeEndObject();
            }
        }
    }

    static void database(JsonGenerator json, OmDatabase database) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", database.id().toString());
        json.writeStringField("name", database.name());
        json.writeStringField("fullyQualifiedName", database.fullyQualifiedName());
        serviceFields(json, database.service());
        json.writeBooleanField("default", database.isDefault());
        changeFields(json);
        json.writeEndObject();
    }

    static void schema(JsonGenerator json, OmSchema schema) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", schema.id().toString());
        json.writeStringField("name", schema.name());
        json.writeStringField("fullyQualifiedName", schema.fullyQualifiedName());
        serviceFields(json, schema.service());
        reference(json, "database", "database", schema.database().id(), schema.database().name(),
                schema.database().fullyQualifiedName());
        changeFields(json);
        json.writeEndObject();
    }

    /**
     * A table: its own fields, then the fields it shares with every table of its schema (columns, the references to
     * its schema, database and service, the change fields), written as one pre-encoded fragment.
     */
    static void table(JsonGenerator json, OmTable table, SerializableString schemaFields) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", table.id().toString());
        json.writeStringField("name", table.name());
        json.writeStringField("fullyQualifiedName", table.fullyQualifiedName());
        json.writeStringField("tableType", table.tableType());
        json.writeRaw(schemaFields); // begins with a comma, ends after a value: the generator's context holds
        json.writeBooleanField("deleted", table.deleted());
        json.writeEndObject();
    }

    /** The fragment {@link #table} writes for every table of {@code schema}: {@code ,"columns":[...],...}. */
    static SerializableString schemaFieldsOfTables(OmSchema schema) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = SimulatorJson.FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("columns");
            column(json, schema.nameCase(), COLUMN_WORDS.get(0), "BIGINT", null, "PRIMARY_KEY");
            column(json, schema.nameCase(), COLUMN_WORDS.get(1), "VARCHAR", 255, null);
            column(json, schema.nameCase(), COLUMN_WORDS.get(2), "TIMESTAMP", null, null);
            json.writeEndArray();
            reference(json, "databaseSchema", "databaseSchema", schema.id(), schema.name(),
                    schema.fullyQualifiedName());
            reference(json, "database", "database", schema.database().id(), schema.database().name(),
                    schema.database().fullyQualifiedName());
            serviceFields(json, schema.service());
            changeFields(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        String object = bytes.toString(StandardCharsets.UTF_8);
        SerializedString fields = new SerializedString("," + object.substring(1, object.length() - 1));
        fields.asUnquotedUTF8(); // encoded now, by the thread that publishes it, not lazily by a serving thread
        return fields;
    }

    static void user(JsonGenerator json, Principal principal, UUID id) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", id.toString());
        json.writeStringField("name", principal.name());
        json.writeStringField("fullyQualifiedName", Fqn.quote(principal.name()));
        json.writeStringField("displayName", principal.name());
        json.writeStringField("email", principal.email());
        json.writeBooleanField("isBot", principal.bot());
        json.writeBooleanField("isAdmin", principal.admin());
        changeFields(json);
        json.writeBooleanField("deleted", false);
        json.writeEndObject();
    }

    private static void column(JsonGenerator json, NameCase nameCase, String words, String dataType, Integer length,
                               String constraint) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", TableVocabulary.words(nameCase, words));
        json.writeStringField("dataType", dataType);
        if (length != null) {
            json.writeNumberField("dataLength", length);
        }
        if (constraint != null) {
            json.writeStringField("constraint", constraint);
        }
        json.writeEndObject();
    }

    /** {@code service} (a reference) and {@code serviceType}, on every entity below a service. */
    private static void serviceFields(JsonGenerator json, OmService service) throws IOException {
        reference(json, "service", "databaseService", service.id(), service.name(), Fqn.quote(service.name()));
        json.writeStringField("serviceType", service.type().openMetadataName());
    }

    /** A reference {@code {"id", "type", "name", "fullyQualifiedName", "deleted": false}} as field {@code field}. */
    static void reference(JsonGenerator json, String field, String type, UUID id, String name, String fqn)
            throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("id", id.toString());
        json.writeStringField("type", type);
        json.writeStringField("name", name);
        json.writeStringField("fullyQualifiedName", fqn);
        json.writeBooleanField("deleted", false);
        json.writeEndObject();
    }

    private static void changeFields(JsonGenerator json) throws IOException {
        json.writeNumberField("version", 0.1);
        json.writeNumberField("updatedAt", UPDATED_AT);
        json.writeStringField("updatedBy", UPDATED_BY);
    }
}
