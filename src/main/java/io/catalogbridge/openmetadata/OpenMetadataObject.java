package io.catalogbridge.openmetadata;

import java.util.UUID;

/** An object of an OpenMetadata listing: it knows which of the fields the bridge relies on is missing, if any. */
public interface OpenMetadataObject {

    /** OpenMetadata's id of the object, null when it had none (or one that is no UUID). */
    UUID id();

    /** The JSON name of the first required field that is absent or unusable, or null. */
    String missingField();
}
