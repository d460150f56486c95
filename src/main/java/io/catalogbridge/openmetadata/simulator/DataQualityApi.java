package io.catalogbridge.openmetadata.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/v1/dataQuality/...}: test definitions, tables' executable test suites, test cases and their results,
 * answered as OpenMetadata's {@code TestDefinitionResource}, {@code TestSuiteResource}, {@code TestCaseResource} and
 * (1.6+) {@code TestCaseResultResource} answer, over the
 * simulator's catalog and its {@link OpenMetadataQuality} state. Each method is one endpoint and method; the
 * simulator has already checked the token and applied the faults.
 */
final class DataQualityApi {

    private static final Set<String> DEFINITION_FIELDS = Set.of("name", "displayName", "description", "owner",
            "owners", "entityType", "testPlatforms", "supportedDataTypes", "provider", "parameterDefinition");
    private static final Set<String> PARAMETER_FIELDS = Set.of("name", "displayName", "dataType", "description",
            "required", "optionValues", "validationRule");
    private static final Set<String> CASE_FIELDS_1_4 = Set.of("name", "description", "displayName", "testDefinition",
            "entityLink", "testSuite", "parameterValues", "owner", "computePassedFailedRowCount");
    private static final Set<String> CASE_FIELDS_1_6 = union(CASE_FIELDS_1_4, Set.of("owners", "tags",
            "useDynamicAssertion", "domains", "reviewers"));
    private static final Set<String> SUITE_FIELDS_1_4 = Set.of("name", "displayName", "description", "owner",
            "executableEntityReference");
    private static final Set<String> SUITE_FIELDS_1_6 = union(SUITE_FIELDS_1_4, Set.of("owners", "domain", "tags"));
    private static final int MAX_SUITE_NAME = 256;
    private static final Set<String> VALUE_FIELDS = Set.of("name", "value");
    private static final Set<String> RESULT_FIELDS_1_4 = Set.of("timestamp", "testCaseStatus", "result", "sampleData",
            "testResultValue", "passedRows", "failedRows", "passedRowsPercentage", "failedRowsPercentage",
            "incidentId");
    private static final Set<String> RESULT_FIELDS_1_6 = union(RESULT_FIELDS_1_4, Set.of("fqn", "minBound",
            "maxBound"));
    private static final Set<String> RESULT_VALUE_FIELDS = Set.of("name", "value", "predictedMin", "predictedMax");
    private static final List<String> ENTITY_TYPES = List.of("TABLE", "COLUMN");
    private static final List<String> PLATFORMS = List.of("OpenMetadata", "GreatExpectations", "DBT", "Deequ", "Soda",
            "Other");
    private static final List<String> DATA_TYPES = List.of("NUMBER", "INT", "FLOAT", "DOUBLE", "DECIMAL", "TIMESTAMP",
            "TIME", "DATE", "DATETIME", "ARRAY", "MAP", "SET", "STRING", "BOOLEAN");
    private static final String COLUMN_LINK_EXAMPLE = " e.g. <#E::table::{entityFqn}::columns::{columnName}>";

    private final OpenMetadataCatalog catalog;
    private final OpenMetadataQuality quality;
    private final ServerVersion version;
    private final Clock clock;

    DataQualityApi(OpenMetadataCatalog catalog, OpenMetadataQuality quality, ServerVersion version, Clock clock) {
        this.catalog = catalog;
        this.quality = quality;
        this.version = version;
        this.clock = clock;
    }

    // ---- test definitions ----

    /** POST (create: 201, 409 when the name exists) or PUT (create 201, or update 200) a test definition. */
    Answer putDefinition(byte[] body, Principal principal, boolean createOnly) {
        QualityRequest request = QualityRequest.parse(body, DEFINITION_FIELDS);
        String name = request.name("name");
        String description = request.required("description");
        String entityType = request.oneOf("entityType", ENTITY_TYPES);
        if (entityType == null) {
            throw new Query.BadRequest("[entityType must not be null]");
        }
        if (!request.has("testPlatforms")) {
            throw new Query.BadRequest("[testPlatforms must not be null]");
        }
        List<String> platforms = request.texts("testPlatforms", PLATFORMS);
        List<String> dataTypes = request.texts("supportedDataTypes", null);
        List<OmTestDefinition.Parameter> parameters = new ArrayList<>();
        for (QualityRequest parameter : request.objects("parameterDefinition", PARAMETER_FIELDS)) {
            parameters.add(new OmTestDefinition.Parameter(parameter.text("name"), parameter.text("displayName"),
                    parameter.oneOf("dataType", DATA_TYPES), parameter.text("description"),
                    parameter.flag("required")));
        }
        String fqn = quoteName(name);
        Answer refused = refuseWithoutRights(principal, "Create");
        if (refused != null) {
            return refused;
        }
        long now = clock.millis();
        OmTestDefinition draft = new OmTestDefinition(null, name, fqn, request.text("displayName"), description,
                entityType, platforms, dataTypes, parameters, 0.1, now, principal.name());
        if (createOnly) {
            OmTestDefinition created = withId(draft, quality.nextDefinitionId());
            if (quality.addDefinition(created) != null) {
                return Answer.error(409, "Entity already exists");
            }
            return Answer.json(201, json -> QualityJson.definition(json, created));
        }
        boolean[] createdNow = {false};
        OmTestDefinition stored = quality.upsertDefinition(name, existing -> {
            if (existing == null) {
                createdNow[0] = true;
                return withId(draft, quality.nextDefinitionId());
            }
            if (existing.sameContent(draft)) {
                return existing;
            }
            return new OmTestDefinition(existing.id(), name, fqn, draft.displayName(), description, entityType,
                    platforms, dataTypes, parameters, Math.round((existing.version() + 0.1) * 10) / 10.0, now,
                    principal.name());
        });
        return Answer.json(createdNow[0] ? 201 : 200, json -> QualityJson.definition(json, stored));
    }

    Answer definitionByName(String fqn) {
        return definitionByFqn(fqn)
                .map(d -> Answer.json(200, json -> QualityJson.definition(json, d)))
                .orElseGet(() -> Answer.error(404, "testDefinition instance for " + fqn + " not found"));
    }

    // ---- executable test suites ----

    /**
     * {@code POST /testSuites/executable}: a table's executable suite ({@code createTestSuite.json}: a name of 1 to 256
     * characters, {@code executableEntityReference} the table's FQN), as 1.4's {@code createExecutable} makes it: the
     * table looked up first (404), the FQN {@code <table fqn>.testSuite} whatever the name, 201 with the suite, or
     * 409 when the table has one.
     */
    Answer createExecutableSuite(byte[] body, Principal principal) {
        QualityRequest request = QualityRequest.parse(body, version.hasResultsResource() ? SUITE_FIELDS_1_6
                : SUITE_FIELDS_1_4);
        String name = request.required("name");
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_SUITE_NAME) {
            throw new Query.BadRequest("[name size must be between 1 and 256]");
        }
        // the server fails without it (it looks the table up first); the simulator says so plainly
        String tableFqn = request.required("executableEntityReference");
        Optional<OmTable> table = catalog.tableByFqn(tableFqn);
        if (table.isEmpty()) {
            return Answer.error(404, "table instance for " + tableFqn + " not found");
        }
        Answer refused = refuseWithoutRights(principal, "Create");
        if (refused != null) {
            return refused;
        }
        OmTestSuite suite = new OmTestSuite(quality.suiteId(table.get().index()), name,
                OmTestSuite.fqnOf(table.get().fullyQualifiedName()), request.text("description"),
                table.get().index(), table.get().fullyQualifiedName(), clock.millis(), principal.name());
        if (!quality.addSuite(suite)) {
            return Answer.error(409, "Entity already exists");
        }
        return Answer.json(201, json -> QualityJson.suite(json, suite, table.get().id()));
    }

    // ---- test cases ----

    /** POST (create: 201, 409 when the FQN exists) or PUT (create 201, or update 200) a test case. */
    Answer putTestCase(byte[] body, Principal principal, boolean createOnly) {
        boolean modern = version.hasResultsResource();
        QualityRequest request = QualityRequest.parse(body, modern ? CASE_FIELDS_1_6 : CASE_FIELDS_1_4);
        String name = request.name("name");
        String definitionFqn = request.required("testDefinition");
        String link = request.required("entityLink");
        String suite = modern ? request.text("testSuite") : request.required("testSuite");
        List<OmTestCase.ParameterValue> values = new ArrayList<>();
        for (QualityRequest value : request.objects("parameterValues", VALUE_FIELDS)) {
            values.add(new OmTestCase.ParameterValue(value.text("name"), value.text("value")));
        }
        EntityLink entityLink = EntityLink.parse(link);
        // a 1.4 server looks the suite up by FQN (it must have been created); 1.6+ makes the table's basic suite
        if (suite != null && (modern ? suiteTable(suite).isEmpty() : quality.testSuite(suite).isEmpty())) {
            return Answer.error(404, "testSuite instance for " + suite + " not found");
        }
        Optional<OmTestDefinition> definition = definitionByFqn(definitionFqn);
        if (definition.isEmpty()) {
            return Answer.error(404, "testDefinition instance for " + definitionFqn + " not found");
        }
        Answer refused = refuseWithoutRights(principal, "EditTests");
        if (refused != null) {
            return refused;
        }
        if (!entityLink.entityType().equals("table")) {
            return Answer.error(404, entityLink.entityType() + " instance for " + entityLink.entityFqn()
                    + " not found");
        }
        Optional<OmTable> table = catalog.tableByFqn(entityLink.entityFqn()); // soft-deleted too: Include.ALL
        if (table.isEmpty()) {
            return Answer.error(404, "table instance for " + entityLink.entityFqn() + " not found");
        }
        String column = column(entityLink, table.get(), definition.get());
        validateParameters(values, definition.get());
        String fqn = (column == null ? table.get().fullyQualifiedName()
                : table.get().fullyQualifiedName() + "." + column) + "." + quoteName(name);
        long now = clock.millis();
        if (!createOnly) {
            Optional<OmTestCase> existing = quality.testCase(fqn);
            if (existing.isPresent()) {
                return updateTestCase(existing.get(), request, definition.get(), values, principal, now);
            }
        }
        long seq = quality.nextCaseSeq();
        OmTestCase created = new OmTestCase(quality.caseId(seq), seq, name, fqn, request.text("displayName"),
                request.text("description"), table.get().index(), table.get().fullyQualifiedName(), column,
                definition.get(), values, 0.1, now, principal.name(), false);
        if (!quality.addTestCase(created)) {
            return Answer.error(409, "Entity already exists");
        }
        return Answer.json(201, json -> QualityJson.testCase(json, created, QualityJson.Fields.CREATED,
                quality.suiteId(created.tableIndex()), null));
    }

    private Answer updateTestCase(OmTestCase existing, QualityRequest request, OmTestDefinition definition,
                                  List<OmTestCase.ParameterValue> values, Principal principal, long now) {
        OmTestCase updated = new OmTestCase(existing.id(), existing.seq(), existing.name(),
                existing.fullyQualifiedName(), request.text("displayName"), request.text("description"),
                existing.tableIndex(), existing.tableFqn(), existing.column(), definition, values,
                Math.round((existing.version() + 0.1) * 10) / 10.0, now, principal.name(), existing.deleted());
        boolean same = java.util.Objects.equals(existing.displayName(), updated.displayName())
                && java.util.Objects.equals(existing.description(), updated.description())
                && existing.testDefinition().id().equals(definition.id())
                && existing.parameterValues().equals(values);
        OmTestCase answer = same ? existing : updated;
        if (!same) {
            quality.replace(updated);
        }
        return Answer.json(200, json -> QualityJson.testCase(json, answer, QualityJson.Fields.CREATED,
                quality.suiteId(answer.tableIndex()), null));
    }

    Answer testCaseByName(String fqn, Query query) {
        return testCase(quality.testCase(fqn), query, fqn);
    }

    Answer testCaseById(String id, Query query) {
        Optional<UUID> uuid = uuid(id);
        return uuid.isEmpty() ? Answer.error(404, "HTTP 404 Not Found")
                : testCase(quality.testCaseById(uuid.get()), query, id);
    }

    private Answer testCase(Optional<OmTestCase> found, Query query, String asked) {
        QualityJson.Fields fields = QualityJson.Fields.parse(query.text("fields"));
        Include include = query.include();
        return found.filter(t -> include.admits(t.deleted()))
                .map(t -> Answer.json(200, json -> QualityJson.testCase(json, t, fields, quality.suiteId(
                        t.tableIndex()), quality.latestResult(t.fullyQualifiedName()).orElse(null))))
                .orElseGet(() -> Answer.error(404, "testCase instance for " + asked + " not found"));
    }

    /** DELETE by id or FQN: soft by default, with its results when {@code hardDelete=true}; 200 with the test case. */
    Answer deleteTestCase(Optional<OmTestCase> found, String asked, Query query, Principal principal) {
        Answer refused = refuseWithoutRights(principal, "EditTests");
        if (refused != null) {
            return refused;
        }
        boolean hard = "true".equalsIgnoreCase(query.text("hardDelete"));
        return found.flatMap(t -> quality.delete(t, hard, clock.millis(), principal.name()))
                .map(t -> Answer.json(200, json -> QualityJson.testCase(json, t, QualityJson.Fields.CREATED,
                        quality.suiteId(t.tableIndex()), null)))
                .orElseGet(() -> Answer.error(404, "testCase instance for " + asked + " not found"));
    }

    Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notUuid) {
            return Optional.empty();
        }
    }

    // ---- results ----

    /**
     * Adds a result: 1.4 {@code PUT /testCases/{fqn}/testCaseResult} answers 201 with the test case's change event,
     * 1.6+ {@code POST /testCases/testCaseResults/{fqn}} 201 with the result; a second result at the same timestamp
     * is a 409, as the server's unique key makes it.
     */
    Answer addResult(String fqn, byte[] body, Principal principal) {
        boolean modern = version.hasResultsResource();
        QualityRequest request = QualityRequest.parse(body, modern ? RESULT_FIELDS_1_6 : RESULT_FIELDS_1_4);
        Long timestamp = request.number("timestamp");
        if (timestamp == null) {
            throw new Query.BadRequest("[timestamp must not be null]");
        }
        String status = request.oneOf("testCaseStatus", OmTestCaseResult.STATUSES);
        if (status == null) {
            throw new Query.BadRequest("[testCaseStatus must not be null]");
        }
        List<OmTestCaseResult.TestResultValue> values = new ArrayList<>();
        for (QualityRequest value : request.objects("testResultValue", RESULT_VALUE_FIELDS)) {
            values.add(new OmTestCaseResult.TestResultValue(value.text("name"), value.text("value")));
        }
        OmTestCaseResult result = new OmTestCaseResult(timestamp, status, request.text("result"), values);
        Answer refused = refuseWithoutRights(principal, "EditTests");
        if (refused != null) {
            return refused;
        }
        Optional<OmTestCase> testCase = quality.testCase(fqn).filter(t -> modern || !t.deleted());
        if (testCase.isEmpty()) {
            return Answer.error(404, "testCase instance for " + fqn + " not found");
        }
        if (!quality.addResult(fqn, result)) {
            return Answer.error(409, "Entity already exists");
        }
        OmTestCase added = testCase.get();
        if (modern) {
            return Answer.json(201, json -> QualityJson.result(json, result, quality.resultId(added, timestamp), fqn));
        }
        OmTestCaseResult latest = quality.latestResult(fqn).orElse(result);
        return Answer.json(201, json -> QualityJson.resultEvent(json, quality.nextEventId(), added,
                quality.suiteId(added.tableIndex()), result, latest, principal.name(), clock.millis()));
    }

    /**
     * Lists a test case's results, newest first. 1.4 requires {@code startTs} and {@code endTs} (its
     * {@code @NonNull} parameters fail with a 500 when one is missing); 1.6+ defaults them to the whole range and
     * asks for the right to edit tests, as its resource does. An unknown test case lists nothing.
     */
    Answer results(String fqn, Query query, Principal principal) {
        boolean modern = version.hasResultsResource();
        String start = query.text("startTs");
        String end = query.text("endTs");
        if (!modern && (start == null || end == null)) {
            return Answer.error(500, (start == null ? "startTs" : "endTs") + " is marked non-null but is null");
        }
        long startTs;
        long endTs;
        try {
            startTs = start == null ? Long.MIN_VALUE : Long.parseLong(start);
            endTs = end == null ? Long.MAX_VALUE : Long.parseLong(end);
        } catch (NumberFormatException notLong) {
            return Answer.error(404, "HTTP 404 Not Found"); // JAX-RS answers a query parameter it cannot convert so
        }
        if (modern) {
            Answer refused = refuseWithoutRights(principal, "EditTests");
            if (refused != null) {
                return refused;
            }
        }
        List<OmTestCaseResult> results = quality.resultsBetween(fqn, startTs, endTs);
        OmTestCase testCase = quality.testCase(fqn).orElse(null);
        QualityJson.ResultIds ids = !modern || testCase == null ? null : new QualityJson.ResultIds() {
            @Override
            public UUID id(OmTestCaseResult result) {
                return quality.resultId(testCase, result.timestamp());
            }

            @Override
            public String testCaseFqn() {
                return fqn;
            }
        };
        return Answer.listing(results.size(), json -> QualityJson.results(json, results, String.valueOf(startTs),
                String.valueOf(endTs), ids));
    }

    // ---- rules shared by the endpoints ----

    /**
     * OpenMetadata's default roles let a user without the admin role or a bot's edit nothing it does not own: a 403
     * in the server's words; null when the principal may write.
     */
    private static Answer refuseWithoutRights(Principal principal, String operation) {
        if (principal.bot() || principal.admin()) {
            return null;
        }
        return Answer.error(403, "Principal: CatalogPrincipal{name='" + principal.name() + "'} operations ["
                + operation + "] not allowed");
    }

    /**
     * The column a link names, checked against the table (exact case); null for a table-level link. The server
     * itself does not check that the column exists (its {@code EntityUtil.validateEntityLink} looks the table up
     * only): the simulator does, so a client that builds a wrong column name learns it here.
     */
    private static String column(EntityLink link, OmTable table, OmTestDefinition definition) {
        if (link.fieldName() == null) {
            if ("COLUMN".equals(definition.entityType())) {
                throw new Query.BadRequest("Column test case must have a field name and an array field name in the"
                        + " entity link." + COLUMN_LINK_EXAMPLE);
            }
            return null;
        }
        if (!link.fieldName().equals("columns") || link.arrayFieldName() == null || link.arrayFieldValue() != null) {
            throw new Query.BadRequest("Invalid field name '" + link.fieldName() + "' for column test case. It should"
                    + " be 'columns'." + COLUMN_LINK_EXAMPLE);
        }
        for (String column : EntityJson.columnNames(table.schema().nameCase())) {
            if (column.equals(link.arrayFieldName())) {
                return column.intern(); // three names per case of the catalog: shared by every test case
            }
        }
        throw new Query.BadRequest("Invalid fully qualified column name " + table.fullyQualifiedName() + "."
                + link.arrayFieldName());
    }

    private static void validateParameters(List<OmTestCase.ParameterValue> values, OmTestDefinition definition) {
        if (definition.parameterDefinition().isEmpty() && !values.isEmpty()) {
            throw new Query.BadRequest("Parameter Values doesn't match Test Definition Parameters");
        }
        for (OmTestDefinition.Parameter parameter : definition.parameterDefinition()) {
            boolean given = values.stream().anyMatch(v -> v.name() != null && v.name().equals(parameter.name())
                    && v.value() != null);
            if (parameter.required() && !given) {
                throw new Query.BadRequest("Required parameter " + parameter.name()
                        + " is not passed in parameterValues");
            }
        }
    }

    /** {@code <table fqn>.testSuite} on 1.6+: every table's basic suite, which the server makes with a test case. */
    private Optional<OmTable> suiteTable(String suiteFqn) {
        String suffix = ".testSuite";
        return suiteFqn.endsWith(suffix)
                ? catalog.tableByFqn(suiteFqn.substring(0, suiteFqn.length() - suffix.length())) : Optional.empty();
    }

    private Optional<OmTestDefinition> definitionByFqn(String fqn) {
        List<String> parts = Fqn.split(fqn);
        if (parts == null || parts.size() != 1) {
            return Optional.empty();
        }
        return quality.definition(parts.get(0)).filter(d -> d.fullyQualifiedName().equals(fqn));
    }

    /**
     * A name as a part of an FQN, as the server's {@code FullyQualifiedName.quoteName} makes it: quoted when it holds
     * a dot; a name holding a double quote is refused ({@code Invalid name ...}).
     */
    static String quoteName(String name) {
        if (name.indexOf('"') >= 0) {
            throw new Query.BadRequest("Invalid name " + name);
        }
        return Fqn.quote(name);
    }

    private static OmTestDefinition withId(OmTestDefinition draft, UUID id) {
        return new OmTestDefinition(id, draft.name(), draft.fullyQualifiedName(), draft.displayName(),
                draft.description(), draft.entityType(), draft.testPlatforms(), draft.supportedDataTypes(),
                draft.parameterDefinition(), draft.version(), draft.updatedAt(), draft.updatedBy());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
