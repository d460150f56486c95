package io.catalogbridge.openmetadata.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    private final Ids ids = new Ids(42);

    @Test
    void everyIdIsAVersion4UuidThatMapsBackToItsIndexAndKind() {
        Set<String> lowHalves = new HashSet<>();
        for (long index : new long[] {0, 1, 2, 3, 999_999, 9_999_999, (1L << 62) - 1}) {
            UUID id = ids.id(Ids.Kind.TABLE, index);
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(ids.index(Ids.Kind.TABLE, id)).isEqualTo(index);
            assertThat(ids.index(Ids.Kind.SCHEMA, id)).isEqualTo(-1);
            lowHalves.add(id.toString().substring(24));
        }
        assertThat(lowHalves).hasSize(7); // neighbours do not share the end of their id
        assertThat(ids.index(Ids.Kind.TABLE, UUID.fromString("00000000-0000-4000-8000-000000000000"))).isEqualTo(-1);
        for (long z = 0; z < 100_000; z += 7) {
            assertThat(Ids.unscramble(Ids.scramble(z))).isEqualTo(z);
        }
    }
}
