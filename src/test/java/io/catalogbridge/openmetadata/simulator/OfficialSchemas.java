package io.catalogbridge.openmetadata.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * OpenMetadata's official JSON Schemas ({@code org.open-metadata:openmetadata-spec}, on the test classpath), loaded
 * from the jar's {@code json/schema/} with every {@code $ref} resolved there too: the schemas' ids
 * ({@code https://open-metadata.org/schema/...}) are mapped onto the classpath, so nothing is fetched. The mapping
 * mends one inconsistency of the 1.4.0 jar ({@link #onClasspath}).
 */
public final class OfficialSchemas {

    static final String TABLE = "entity/data/table.json";
    static final String DATABASE = "entity/data/database.json";
    static final String DATABASE_SCHEMA = "entity/data/databaseSchema.json";
    static final String DATABASE_SERVICE = "entity/services/databaseService.json";
    static final String USER = "entity/teams/user.json";
    static final String PAGING = "type/paging.json";
    static final String SERVER_VERSION = "api/openMetadataServerVersion.json";
    public static final String TEST_DEFINITION = "tests/testDefinition.json";
    public static final String TEST_CASE = "tests/testCase.json";
    public static final String TEST_SUITE = "tests/testSuite.json";
    /** 1.4.0 keeps a result as a definition of the tests' basic types, not a file of its own. */
    public static final String TEST_CASE_RESULT = "tests/basic.json#/definitions/testCaseResult";
    static final String CHANGE_EVENT = "type/changeEvent.json";
    /** The request bodies of the data-quality API, public for the wing's payload tests. */
    public static final String CREATE_TEST_DEFINITION = "api/tests/createTestDefinition.json";
    public static final String CREATE_TEST_CASE = "api/tests/createTestCase.json";
    public static final String CREATE_TEST_SUITE = "api/tests/createTestSuite.json";

    private static final String ID_PREFIX = "https://open-metadata.org/schema/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            builder -> builder.schemaMappers(mappers -> mappers.add(OfficialSchemas::onClasspath)));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private OfficialSchemas() {
    }

    /**
     * A schema id to its file in the jar. The 1.4.0 jar's {@code auth/*.json} declare ids under
     * {@code schema/api/auth/}, so their relative {@code $ref}s ({@code ../type/basic.json},
     * {@code ../security/...}) resolve under {@code schema/api/}: where no file is there, the one without
     * {@code api/} is meant.
     */
    private static AbsoluteIri onClasspath(AbsoluteIri iri) {
        String id = iri.toString();
        if (!id.startsWith(ID_PREFIX)) {
            return null;
        }
        String path = id.substring(ID_PREFIX.length());
        int fragment = path.indexOf('#');
        String file = fragment < 0 ? path : path.substring(0, fragment);
        if (OfficialSchemas.class.getClassLoader().getResource("json/schema/" + file) == null
                && file.startsWith("api/")) {
            path = path.substring("api/".length());
        }
        return AbsoluteIri.of("classpath:json/schema/" + path);
    }

    static JsonSchema schema(String path) {
        return LOADED.computeIfAbsent(path, p -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:json/schema/" + p), CONFIG);
            schema.initializeValidators(); // resolve every $ref now: a missing one fails here, not on first use
            return schema;
        });
    }

    /** The violations of {@code instance} against the schema at {@code path}, as readable lines; empty when valid. */
    public static Set<String> violations(String path, JsonNode instance) {
        Set<ValidationMessage> messages = schema(path).validate(instance);
        return messages.stream().map(ValidationMessage::toString).collect(Collectors.toCollection(
                java.util.TreeSet::new));
    }
}
