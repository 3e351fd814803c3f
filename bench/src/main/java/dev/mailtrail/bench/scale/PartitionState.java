package dev.mailtrail.bench.scale;

import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.generate.IdSource;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.core.generate.ReplayClock;
import dev.mailtrail.core.record.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * One partition's audit core (decision 0033): its own clock, moved by the events it applies, its own windows and
 * tables, and record Ids derived from the cluster, the partition and the record's ordinal in it — whoever applies
 * the partition makes the same Ids.
 */
final class PartitionState implements IdSource {
    private final String cluster;
    private final int partition;
    private final ReplayClock clock = new ReplayClock(Instant.EPOCH);
    private final RecordGenerator generator;
    private long made;
    private long nextOffset;

    PartitionState(String cluster, int partition, BiConsumer<AuditRecord, OrganizationConfig> records) {
        this.cluster = cluster;
        this.partition = partition;
        this.generator = new RecordGenerator(
                new AuditConfiguration(OrganizationConfig.defaults()),
                clock,
                record -> records.accept(record, generator().configuration().organization()),
                this);
    }

    private RecordGenerator generator() {
        return generator;
    }

    void apply(dev.mailtrail.core.event.AuditEvent event, long offset) {
        clock.advanceTo(event.time());
        generator.accept(event);
        nextOffset = offset + 1;
    }

    /** The clock passing with no event (the tick a partition's owner journals every second). */
    void tick(Instant now) {
        if (generator.openWindows() > 0) {
            clock.advanceTo(now);
            generator.closeExpiredWindows();
        }
    }

    /** Closes every open window: the end of the input. */
    void flush() {
        generator.flush();
    }

    long nextOffset() {
        return nextOffset;
    }

    long made() {
        return made;
    }

    @Override
    public String nextId() {
        made++;
        return UUID.nameUUIDFromBytes((cluster + ":" + partition + ":" + made).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
