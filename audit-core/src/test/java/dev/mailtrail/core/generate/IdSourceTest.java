package dev.mailtrail.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdSourceTest {
    @Test
    void randomIdsAreDistinctVersion4Guids() {
        IdSource ids = IdSource.random();
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            String id = ids.nextId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            seen.add(id);
        }

        assertThat(seen).hasSize(10_000);
    }

    @Test
    void twoSourcesDoNotRepeatEachOther() {
        assertThat(IdSource.random().nextId()).isNotEqualTo(IdSource.random().nextId());
    }
}
