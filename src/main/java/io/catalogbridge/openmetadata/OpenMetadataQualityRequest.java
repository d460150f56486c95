package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;

/**
 * The integration body's optional {@code quality} object, as sent: {@code {"push": true}}. It is read as the JSON
 * given ({@code given}), not bound, so that {@link OpenMetadataIntegrations#validate} can name each problem (a push
 * that is no boolean, an unknown key) as it names the body's other fields; {@code push} describes it in the API
 * document.
 */
@JsonDeserialize(using = OpenMetadataQualityRequest.AsGiven.class)
public record OpenMetadataQualityRequest(@JsonProperty("push") Boolean push, @JsonIgnore JsonNode given) {

    /** Keeps the object as it was sent. */
    static final class AsGiven extends JsonDeserializer<OpenMetadataQualityRequest> {
        @Override
        public OpenMetadataQualityRequest deserialize(JsonParser parser, DeserializationContext context)
                throws IOException {
            return new OpenMetadataQualityRequest(null, parser.readValueAsTree());
        }
    }
}
