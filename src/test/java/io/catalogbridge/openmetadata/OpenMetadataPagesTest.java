package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.api.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class OpenMetadataPagesTest {

    private static final String ENDPOINT = "/v1/tables";
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aPageKeepsItsUsableObjectsAndSaysWhichItPassedOverAndWhy() {
        OpenMetadataPages.Page<OpenMetadataTable> page = tables("""
                {"data": [
                  {"id": "1b3c5d7e-0000-4000-8000-000000000001", "name": "orders", "fullyQualifiedName": "pg.s.p.orders",
                   "service": {"name": "pg"}, "database": {"name": "s"}, "databaseSchema": {"name": "p"}},
                  null,
                  "orders",
                  {"id": 93, "name": "t"},
                  {"id": "1b3c5d7e-0000-4000-8000-000000000002", "name": {"en": "t"}},
                  {"id": "1b3c5d7e-0000-4000-8000-000000000003", "name": "t", "fullyQualifiedName": "pg.s.p.t",
                   "database": {"name": "s"}, "databaseSchema": {"name": "p"}},
                  {"id": "1b3c5d7e-0000-4000-8000-000000000004", "name": "v", "fullyQualifiedName": "pg.s.p.v",
                   "service": {"name": "pg"}, "database": {"name": "s"}, "databaseSchema": {"name": "p"},
                   "deleted": true, "owners": [{"name": "x"}], "unknownField": {"deep": [1, 2]}}
                ],
                 "paging": {"after": "YWZ0ZXI=", "total": 7}}""");

        assertThat(page.objects()).extracting(OpenMetadataTable::name).containsExactly("orders", "v");
        assertThat(page.objects().get(1).isDeleted()).isTrue();
        assertThat(page.skipped()).containsExactly(
                new OpenMetadataPages.Skipped("table", null, "not an object"),
                new OpenMetadataPages.Skipped("table", null, "not an object"),
                new OpenMetadataPages.Skipped("table", "93", "id is not a UUID"),
                new OpenMetadataPages.Skipped("table", "1b3c5d7e-0000-4000-8000-000000000002", "a wrong type at .name"),
                new OpenMetadataPages.Skipped("table", "1b3c5d7e-0000-4000-8000-000000000003", "no service.name"));
        assertThat(page.after()).isEqualTo("YWZ0ZXI=");
        assertThat(page.total()).isEqualTo(7L);
    }

    @Test
    void theLastPageHasNoCursor() {
        OpenMetadataPages.Page<OpenMetadataTable> page = tables("{\"data\": [], \"paging\": {\"before\": \"Yg==\", \"total\": 0}}");

        assertThat(page.objects()).isEmpty();
        assertThat(page.skipped()).isEmpty();
        assertThat(page.after()).isNull();
        assertThat(page.total()).isEqualTo(0L);
        assertThat(tables("{\"data\": []}").after()).isNull();
        assertThat(tables("{\"data\": [], \"paging\": {\"after\": \" \"}}").after()).isNull();
        assertThat(tables("{\"data\": [], \"paging\": {\"after\": 5, \"total\": \"many\"}}").total()).isNull();
    }

    @Test
    void servicesAreReadTheSameWay() {
        OpenMetadataPages.Page<OpenMetadataDatabaseService> page = OpenMetadataPages.read(bytes("""
                {"data": [{"id": "3b3c5d7e-0000-4000-8000-000000000001", "name": "pg_prod", "serviceType": "Postgres",
                           "connection": null},
                          {"id": "3b3c5d7e-0000-4000-8000-000000000002", "name": " "}]}"""),
                OpenMetadataDatabaseService.class, "database service", "/v1/services/databaseServices", mapper);

        assertThat(page.objects()).extracting(OpenMetadataDatabaseService::name).containsExactly("pg_prod");
        assertThat(page.skipped()).containsExactly(new OpenMetadataPages.Skipped("database service",
                "3b3c5d7e-0000-4000-8000-000000000002", "no name"));
    }

    @Test
    void anAnswerThatIsNoListPageIsA502NamingTheEndpoint() {
        assertThat(unreadable("<html><body>502 Bad Gateway</body></html>")).isEqualTo(
                "OpenMetadata's answer to GET /v1/tables could not be read: truncated or malformed JSON (at line 1,"
                        + " column 1)");
        assertThat(unreadable("{\"data\": [{\"id\": ")).startsWith(
                "OpenMetadata's answer to GET /v1/tables could not be read: truncated or malformed JSON");
        assertThat(unreadable("[]")).isEqualTo("OpenMetadata's answer to GET /v1/tables could not be read: not a JSON"
                + " object");
        assertThat(unreadable("{\"code\": 500, \"message\": \"boom\"}")).isEqualTo(
                "OpenMetadata's answer to GET /v1/tables could not be read: no data list");
        assertThat(unreadable("{\"data\": {}}")).endsWith("no data list");
        assertThat(unreadable("")).endsWith("not a JSON object");
    }

    private String unreadable(String body) {
        ProblemException problem = catchThrowableOfType(() -> tables(body), ProblemException.class);
        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        return problem.getMessage();
    }

    @Test
    void theNextCursorIsReadFromAPagesLastBytesOnlyWhereItIsTheListsOwn() {
        assertThat(cursor("{\"data\": [{\"name\": \"t\"}], \"paging\": {\"after\": \"YWZ0ZXI=\", \"total\": 7}}"))
                .isEqualTo("YWZ0ZXI=");
        assertThat(cursor("{\"data\":[],\"paging\":{\"before\":\"Yg==\",\"after\":\"Yw==\"}}\n  ")).isEqualTo("Yw==");
        assertThat(cursor("{\"paging\": {\"after\": \"Yw==\"}}")).isEqualTo("Yw==");
        // no cursor, a blank one, a last page
        assertThat(cursor("{\"data\": [], \"paging\": {\"total\": 0}}")).isNull();
        assertThat(cursor("{\"data\": [], \"paging\": {\"after\": \" \"}}")).isNull();
        assertThat(cursor("{\"data\": []}")).isNull();
        // a paging that is not the top-level object's last member, or not a member at all
        assertThat(cursor("{\"paging\": {\"after\": \"Yw==\"}, \"data\": []}")).isNull();
        assertThat(cursor("{\"data\": [{\"paging\": {\"after\": \"Yw==\"}}]}")).isNull();
        assertThat(cursor("{\"data\": [], \"meta\": {\"paging\": {\"after\": \"Yw==\"}}}")).isNull();
        assertThat(cursor("{\"data\": [], \"note\": \"x\\\"paging\\\": {\\\"after\\\": 1}}\"}")).isNull();
        assertThat(cursor("[\"paging\", {\"after\": \"Yw==\"}]")).isNull();
        // not JSON at its end
        assertThat(cursor("{\"data\": [], \"paging\": {\"after\": \"Yw==\"")).isNull();
        assertThat(cursor("{\"data\": [], \"paging\": {\"after\": \"Yw==\",}}")).isNull();
        assertThat(cursor("")).isNull();
    }

    private String cursor(String body) {
        return OpenMetadataPages.trailingCursor(body.getBytes(StandardCharsets.UTF_8), mapper);
    }

    private OpenMetadataPages.Page<OpenMetadataTable> tables(String body) {
        return OpenMetadataPages.read(bytes(body), OpenMetadataTable.class, "table", ENDPOINT, mapper);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
