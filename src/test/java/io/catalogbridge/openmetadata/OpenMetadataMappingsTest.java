package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.api.Problem.FieldError;
import io.catalogbridge.api.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class OpenMetadataMappingsTest {

    private static final UUID TABLE_ID = UUID.fromString("1b3c5d7e-0000-4000-8000-00000000f00d");

    private final ObjectMapper mapper = new ObjectMapper();
    private final OpenMetadataMappings mappings = new OpenMetadataMappings();

    @Test
    void aMappingIsBuiltFromTheTablesOwnFieldsAndReferencesInTheDocumentedShape() throws Exception {
        OpenMetadataMapping mapping = OpenMetadataMapping.of("35xftecujtsjd", table("fin.ledger",
                "pg_prod.sales.public.\"fin.ledger\"", false));

        assertThat(mapper.writeValueAsString(mapping)).isEqualTo("{\"asset_id\":\"35xftecujtsjd\","
                + "\"service_name\":\"pg_prod\",\"database_name\":\"sales\",\"schema_name\":\"public\","
                + "\"table_id\":\"1b3c5d7e-0000-4000-8000-00000000f00d\",\"table_name\":\"fin.ledger\","
                + "\"table_fqn\":\"pg_prod.sales.public.\\\"fin.ledger\\\"\"}");
        assertThat(mapper.readValue(mapper.writeValueAsString(mapping), OpenMetadataMapping.class)).isEqualTo(mapping);
    }

    @Test
    void anUnusableOrSoftDeletedTableIsNeverMapped() {
        assertThatThrownBy(() -> OpenMetadataMapping.of("a", table("t", "s.d.p.t", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("soft-deleted");
        assertThatThrownBy(() -> OpenMetadataMapping.of("a", new OpenMetadataTable(TABLE_ID, "t", "s.d.p.t", null,
                false, "Postgres", ref("s"), ref("d"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no databaseSchema.name");
    }

    @Test
    void aRequestByIdIsLookedUpById() throws Exception {
        OpenMetadataMappings.ManualMapping request = mappings.validate(mapper.readValue("""
                {"asset_id": "35xftecujtsjd", "openmetadata_table_id": "1B3C5D7E-0000-4000-8000-00000000F00D"}""",
                OpenMetadataManualMappingRequest.class));

        assertThat(request.assetId()).isEqualTo("35xftecujtsjd");
        assertThat(request.table()).isEqualTo(new OpenMetadataTableLookup(TABLE_ID, null));
        assertThat(request.table().path()).isEqualTo("/v1/tables/1b3c5d7e-0000-4000-8000-00000000f00d");
        assertThat(request.table().describe()).isEqualTo("table 1b3c5d7e-0000-4000-8000-00000000f00d");
    }

    @Test
    void aRequestByFqnIsLookedUpByItsEncodedNameAsSent() throws Exception {
        OpenMetadataMappings.ManualMapping request = mappings.validate(mapper.readValue("""
                {"asset_id": "a1", "table_fqn": "pg_prod.sales.public.\\"fin.ledger\\""}""",
                OpenMetadataManualMappingRequest.class));

        assertThat(request.table()).isEqualTo(new OpenMetadataTableLookup(null, "pg_prod.sales.public.\"fin.ledger\""));
        assertThat(request.table().path()).isEqualTo("/v1/tables/name/pg_prod.sales.public.%22fin.ledger%22");
        assertThat(request.table().describe()).isEqualTo("table \"pg_prod.sales.public.\"fin.ledger\"\"");
    }

    @Test
    void exactlyOneOfIdAndFqnIsRequired() {
        assertThat(errors(new OpenMetadataManualMappingRequest("a", null, null)))
                .containsExactly(new FieldError("openmetadata_table_id", "or table_fqn is required"));
        assertThat(errors(new OpenMetadataManualMappingRequest("a", TABLE_ID.toString(), "s.d.p.t")))
                .containsExactly(new FieldError("table_fqn",
                        "may not be given with openmetadata_table_id: give one of the two"));
    }

    @Test
    void theIdMustBeACanonicalUuid() {
        String uuidRule = "must be a UUID (8-4-4-4-12 hexadecimal digits, as OpenMetadata writes table ids)";
        for (String id : new String[] {"1-2-3-4-5", "6121", "", "1b3c5d7e00004000800000000000f00d",
                "{1b3c5d7e-0000-4000-8000-00000000f00d}", "1b3c5d7e-0000-4000-8000-00000000f00g",
                " 1b3c5d7e-0000-4000-8000-00000000f00d"}) {
            assertThat(errors(new OpenMetadataManualMappingRequest("a", id, null))).as(id)
                    .containsExactly(new FieldError("openmetadata_table_id", uuidRule));
        }
        assertThat(errors(new OpenMetadataManualMappingRequest("a", "1b3c\u0000", null)))
                .containsExactly(new FieldError("openmetadata_table_id", "may not contain the control character U+0000"));
    }

    @Test
    void theAssetAndFqnFollowTheTextRules() {
        ProblemException problem = catchThrowableOfType(() -> mappings.validate(
                new OpenMetadataManualMappingRequest(" ", null, "s.d.p.\u0007t")), ProblemException.class);

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.errors()).containsExactly(new FieldError("asset_id", "is required"),
                new FieldError("table_fqn", "may not contain the control character U+0007"));
        assertThat(problem.getMessage()).isEqualTo("Invalid mapping: asset_id is required, table_fqn may not contain"
                + " the control character U+0007");
        assertThat(errors(new OpenMetadataManualMappingRequest("a\u0000", null, "s.d.p.t")))
                .containsExactly(new FieldError("asset_id", "may not contain the control character U+0000"));
        assertThat(errors(new OpenMetadataManualMappingRequest("a", null, "  ")))
                .containsExactly(new FieldError("table_fqn", "may not be empty"));
        assertThat(errors(new OpenMetadataManualMappingRequest("a", null, "t".repeat(3073))))
                .containsExactly(new FieldError("table_fqn", "may not exceed 3072 characters (OpenMetadata's longest FQN)"));
        assertThat(catchThrowableOfType(() -> mappings.validate(null), ProblemException.class).getMessage())
                .isEqualTo("The request body must be a JSON object");
    }

    @Test
    void theFoundTableMakesTheMapping() {
        OpenMetadataMappings.ManualMapping byFqn = mappings.validate(
                new OpenMetadataManualMappingRequest("a1", null, "pg_prod.sales.public.\"fin.ledger\""));
        OpenMetadataMappings.ManualMapping byId = mappings.validate(
                new OpenMetadataManualMappingRequest("a2", TABLE_ID.toString(), null));
        OpenMetadataTable table = table("fin.ledger", "pg_prod.sales.public.\"fin.ledger\"", false);

        assertThat(mappings.mapping(byFqn, table)).isEqualTo(new OpenMetadataMapping("a1", "pg_prod", "sales",
                "public", TABLE_ID, "fin.ledger", "pg_prod.sales.public.\"fin.ledger\""));
        assertThat(mappings.mapping(byId, table).assetId()).isEqualTo("a2");
    }

    @Test
    void aSoftDeletedTableIs404AndAnAnswerThatCannotBeMappedIs502NamingWhy() {
        OpenMetadataMappings.ManualMapping byId = mappings.validate(
                new OpenMetadataManualMappingRequest("a", TABLE_ID.toString(), null));

        ProblemException deleted = catchThrowableOfType(() -> mappings.mapping(byId, table("t", "s.d.p.t", true)),
                ProblemException.class);
        ProblemException shapeless = catchThrowableOfType(() -> mappings.mapping(byId, new OpenMetadataTable(TABLE_ID,
                "t", "s.d.p.t", null, null, null, ref("s"), null, ref("p"))), ProblemException.class);
        ProblemException another = catchThrowableOfType(() -> mappings.mapping(byId, new OpenMetadataTable(
                UUID.randomUUID(), "t", "s.d.p.t", null, null, null, ref("s"), ref("d"), ref("p"))),
                ProblemException.class);

        assertThat(deleted.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(deleted.getMessage()).isEqualTo("OpenMetadata's table 1b3c5d7e-0000-4000-8000-00000000f00d is"
                + " soft-deleted and cannot be mapped");
        assertThat(shapeless.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(shapeless.getMessage()).isEqualTo("OpenMetadata answered table 1b3c5d7e-0000-4000-8000-00000000f00d"
                + " in a shape that cannot be mapped: no database.name");
        assertThat(another.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(another.getMessage()).isEqualTo("OpenMetadata answered /v1/tables/1b3c5d7e-0000-4000-8000-00000000f00d"
                + " with another table than table 1b3c5d7e-0000-4000-8000-00000000f00d");
    }

    @Test
    void aLookupNamesExactlyOneWay() {
        assertThatThrownBy(() -> new OpenMetadataTableLookup(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenMetadataTableLookup(TABLE_ID, "s.d.p.t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private java.util.List<FieldError> errors(OpenMetadataManualMappingRequest request) {
        return catchThrowableOfType(() -> mappings.validate(request), ProblemException.class).errors();
    }

    private static OpenMetadataTable table(String name, String fqn, boolean deleted) {
        return new OpenMetadataTable(TABLE_ID, name, fqn, "Regular", deleted, "Postgres", ref("pg_prod"), ref("sales"),
                ref("public"));
    }

    private static OpenMetadataEntityReference ref(String name) {
        return new OpenMetadataEntityReference(UUID.randomUUID(), "x", name, name, null, false);
    }
}
