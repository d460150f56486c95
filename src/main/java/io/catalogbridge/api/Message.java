package io.catalogbridge.api;

/** A confirmation answer: {@code {"message": "..."}}. */
public record Message(String message) {
}
