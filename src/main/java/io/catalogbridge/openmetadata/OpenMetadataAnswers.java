package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.api.ProblemException;
import io.catalogbridge.client.CatalogAnswers;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * OpenMetadata's answers of one object, read after {@code openmetadata-get}: the table a lookup asked for (404 when
 * OpenMetadata has none), and the user of a token being checked. An answer that cannot be read fails naming the
 * endpoint, never in Jackson's words.
 */
@Component("openmetadataAnswers")
public class OpenMetadataAnswers {

    public static final String TABLE_LOOKUP = "openmetadataTableLookup";

    private final ObjectMapper objectMapper;

    public OpenMetadataAnswers(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The table of the lookup in {@code openmetadataTableLookup}, as OpenMetadata answered it. */
    public OpenMetadataTable table(Exchange exchange) {
        OpenMetadataTableLookup lookup = exchange.getProperty(TABLE_LOOKUP, OpenMetadataTableLookup.class);
        if (exchange.getProperty(OpenMetadataCalls.STATUS, 0, Integer.class) == 404) {
            throw new ProblemException.NotFound("OpenMetadata has no " + lookup.describe());
        }
        String endpoint = "GET " + OpenMetadataCalls.endpointOf(
                exchange.getProperty(OpenMetadataCalls.REQUEST_URL, String.class));
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class);
        if (!CatalogAnswers.isJson(contentType)) {
            throw new OpenMetadataProblems.OpenMetadataBadResponse("OpenMetadata's answer to " + endpoint + " is "
                    + CatalogAnswers.notJson(contentType));
        }
        try {
            byte[] body = exchange.getMessage().getBody(byte[].class);
            OpenMetadataTable table = objectMapper.readValue(body == null ? new byte[0] : body,
                    OpenMetadataTable.class);
            if (table == null) {
                throw new OpenMetadataProblems.OpenMetadataBadResponse("OpenMetadata's answer to " + endpoint
                        + " could not be read: null instead of a table");
            }
            return table;
        } catch (JsonProcessingException e) {
            throw new OpenMetadataProblems.OpenMetadataBadResponse("OpenMetadata's answer to " + endpoint
                    + " could not be read: " + CatalogAnswers.problem(e, "a JSON object"));
        } catch (IOException e) {
            throw new OpenMetadataProblems.OpenMetadataBadResponse("OpenMetadata's answer to " + endpoint
                    + " could not be read: its encoding is not UTF-8");
        }
    }

    /** The user of the token being checked: its refusal is 422, anything but the user 502 (OpenMetadataTokenCheck). */
    public OpenMetadataUser user(Exchange exchange) {
        OpenMetadataConnection connection = exchange.getProperty(OpenMetadataCalls.CONNECTION,
                OpenMetadataConnection.class);
        return OpenMetadataTokenCheck.user(exchange.getProperty(OpenMetadataCalls.STATUS, 0, Integer.class),
                exchange.getMessage().getBody(byte[].class), connection.jwtToken(), objectMapper);
    }
}
