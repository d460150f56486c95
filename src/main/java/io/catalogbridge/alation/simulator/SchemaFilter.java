package io.catalogbridge.alation.simulator;

/** The filters of {@code GET /integration/v2/schema/}; a null filter is not applied. All given filters must hold. */
record SchemaFilter(Long id, Long dsId, String name, String nameIexact) {
}
