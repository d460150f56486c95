package io.catalogbridge.assets;

/** The answer of a bulk upsert: how many assets it wrote. */
public record AssetsUpserted(int upserted) {
}
