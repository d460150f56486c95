package io.catalogbridge.alation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.junit.jupiter.api.Test;

/**
 * A listing's table is read field by field (AlationTable.Reader), and takes or refuses a value as Jackson's binding
 * would: with the service's coercion rules (no boolean or number as text), a failure naming its field.
 */
class AlationTableReaderTest {

    private final ObjectMapper mapper = serviceLike();

    private static ObjectMapper serviceLike() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    @Test
    void readsTheFieldsTheBridgeUsesAndPassesOverTheRest() throws Exception {
        AlationTable table = mapper.readValue("""
                {"id": 7, "name": "Orders", "ds_id": 3, "schema_id": 11, "schema_name": "db.sales",
                 "table_type": "VIEW", "key": "3.db.sales.Orders", "columns": [{"name": "id", "x": {"y": [1, 2]}}],
                 "description": null, "custom_fields": [{"field_name": "Steward", "value": []}]}""",
                AlationTable.class);

        assertThat(table).isEqualTo(new AlationTable(7L, "Orders", 3L, 11L, "db.sales", "VIEW", "3.db.sales.Orders"));
        assertThat(table.missingField()).isNull();
    }

    @Test
    void takesWhatJacksonTakes() throws Exception {
        // an id as digits in a string, nulls, a table_type that is a number and a key that is a structure
        AlationTable table = mapper.readValue("""
                {"id": "7", "name": "t", "ds_id": null, "schema_id": 11, "table_type": 5, "key": {"odd": true}}""",
                AlationTable.class);

        assertThat(table).isEqualTo(new AlationTable(7L, "t", null, 11L, null, "5", null));
        assertThat(table.missingField()).isEqualTo("ds_id");
    }

    @Test
    void refusesWhatJacksonRefusesNamingTheField() {
        assertThatThrownBy(() -> mapper.readValue("{\"id\": 7, \"name\": true}", AlationTable.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((JsonMappingException) e).getPath().get(0).getFieldName()).isEqualTo("name"));
        assertThatThrownBy(() -> mapper.readValue("{\"id\": 7, \"schema_id\": {\"nested\": 1}}", AlationTable.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((JsonMappingException) e).getPath().get(0).getFieldName())
                        .isEqualTo("schema_id"));
        assertThatThrownBy(() -> mapper.readValue("{\"id\": \"first\"}", AlationTable.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getTargetType()).isEqualTo(Long.class));
        assertThatThrownBy(() -> mapper.readValue("[7]", AlationTable.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((JsonMappingException) e).getPath()).isEmpty());
    }
}
