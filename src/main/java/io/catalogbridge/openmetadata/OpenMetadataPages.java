package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.api.ProblemException;
import io.catalogbridge.client.CatalogAnswers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Reads one page of a listing object by object, as the Alation wing reads its pages: an object of the page that
 * cannot be used (a {@code null}, a field of the wrong type, no id or name) is passed over and said why, the rest of
 * the page is kept; only an answer that is no list page at all fails, naming the endpoint. What fails is said in
 * words a user can act on, never in Jackson's own (which names Java classes).
 */
public final class OpenMetadataPages {

    /** An object passed over: which kind, its id as sent (null when it had none), and why. */
    public record Skipped(String object, String id, String reason) {
    }

    /** The usable objects of a page, those passed over, and the cursor of the next page (null on the last). */
    public record Page<T>(List<T> objects, List<Skipped> skipped, String after, Long total) {
    }

    private OpenMetadataPages() {
    }

    /**
     * One page's objects of {@code type}, {@code object} naming their kind in what is skipped ({@code "table"}).
     * Throws a 502 problem, {@code OpenMetadata's answer to GET <endpoint> could not be read: ...}, when the body is
     * not JSON or has no {@code data} list.
     */
    public static <T extends OpenMetadataObject> Page<T> read(byte[] body, Class<T> type, String object,
            String endpoint, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw unreadable(endpoint, CatalogAnswers.malformed(e));
        } catch (IOException e) {
            throw unreadable(endpoint, "truncated or malformed JSON");
        }
        if (root == null || !root.isObject()) {
            throw unreadable(endpoint, "not a JSON object");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw unreadable(endpoint, "no data list");
        }
        List<T> objects = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (JsonNode node : data) {
            String id = node.path("id").isValueNode() ? node.path("id").asText() : null;
            if (!node.isObject()) {
                skipped.add(new Skipped(object, null, "not an object"));
                continue;
            }
            T value;
            try {
                value = mapper.treeToValue(node, type);
            } catch (JsonMappingException e) {
                skipped.add(new Skipped(object, id, "a wrong type at " + CatalogAnswers.where(e)));
                continue;
            } catch (JsonProcessingException e) {
                skipped.add(new Skipped(object, id, "unreadable"));
                continue;
            }
            String missing = value.missingField();
            if (missing != null) {
                boolean oddId = missing.equals("id") && node.hasNonNull("id");
                skipped.add(new Skipped(object, id, oddId ? "id is not a UUID" : "no " + missing));
                continue;
            }
            objects.add(value);
        }
        JsonNode paging = root.path("paging");
        JsonNode after = paging.path("after");
        JsonNode total = paging.path("total");
        return new Page<>(objects, skipped, after.isTextual() && !after.asText().isBlank() ? after.asText() : null,
                total.canConvertToLong() ? total.asLong() : null);
    }

    private static ProblemException unreadable(String endpoint, String problem) {
        return new ProblemException(HttpStatus.BAD_GATEWAY,
                "OpenMetadata's answer to GET " + endpoint + " could not be read: " + problem);
    }
}
