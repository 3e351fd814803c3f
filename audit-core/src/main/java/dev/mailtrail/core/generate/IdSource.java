package dev.mailtrail.core.generate;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;

/** Gives each record its {@code Id} (a GUID). */
@FunctionalInterface
public interface IdSource {
    String nextId();

    /**
     * Random version-4 GUIDs from a generator seeded once from the system's secure source: record ids need
     * uniqueness, not secrecy, and a secure draw per record would cost more than the record.
     */
    static IdSource random() {
        SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
        return () -> {
            long high = (random.nextLong() & ~0xF000L) | 0x4000L;
            long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low).toString();
        };
    }
}
