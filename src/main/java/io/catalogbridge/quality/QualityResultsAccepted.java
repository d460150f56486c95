package io.catalogbridge.quality;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to a stored upload of results: {@code {"accepted": N}}, N the results of the call. */
public record QualityResultsAccepted(@JsonProperty("accepted") int accepted) {
}
