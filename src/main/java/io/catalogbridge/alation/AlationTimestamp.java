package io.catalogbridge.alation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads a timestamp of Alation's the way the docs describe it ({@code 2023-05-20T15:16:10.222161Z}) and tolerates
 * what instances send where the docs are silent: a timestamp without a zone is UTC (Alation's own zone for every
 * timestamp it documents), a space instead of the {@code T} is accepted, and anything unreadable is null (unknown),
 * never a failure of the whole answer: a token is worth using even when its expiry cannot be read.
 */
public final class AlationTimestamp extends JsonDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parse(parser.getText());
        }
        parser.skipChildren();
        return null;
    }

    /** The instant, or null when the text is not an ISO-8601 date and time. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String iso = text.trim();
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned ? zoned.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
