package io.catalogbridge.alation;

/** An object of an Alation listing: it knows which of the fields the bridge relies on is missing, if any. */
public interface AlationObject {

    /** Alation's id of the object, null when it has none. */
    Long id();

    /** The JSON name of the first required field that is absent, or null. */
    String missingField();
}
