package dev.mailtrail.app.pipeline.snapshot;

import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.core.generate.ReplayClock;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/** The snapshot sections of the audit core's own parts; the pipeline lists them (and any of its own) in one place. */
public final class CoreSections {
    private CoreSections() {}

    /** Windows, de-duplication, throttling and statistics: a generator restored must not have taken an event yet. */
    public static SnapshotSection generator(RecordGenerator generator) {
        return SnapshotSection.of(
                "generator",
                out -> GeneratorStateJson.write(generator.exportState(), out),
                in -> generator.restoreState(GeneratorStateJson.read(in)));
    }

    /**
     * The intents journaled and not yet answered (decision 0011): a snapshot taken between an intent and its answer
     * must still let the answer join it, or the recovery resolve it. A snapshot from before intents existed has no
     * such section and leaves none open.
     */
    public static SnapshotSection pendingIntents(RecordGenerator generator) {
        return SnapshotSection.of(
                "pendingIntents",
                out -> PendingIntentsJson.write(generator.pendingIntents(), out),
                in -> generator.restorePendingIntents(PendingIntentsJson.read(in)));
    }

    /** The organisation's and every mailbox's configuration and the accounts with audit bypass. */
    public static SnapshotSection configuration(AuditConfiguration configuration) {
        return SnapshotSection.of(
                "configuration",
                out -> ConfigurationJson.write(configuration, out),
                in -> ConfigurationJson.read(in, configuration));
    }

    /** The core's clock, which moves only with the journal's entries. */
    public static SnapshotSection clock(ReplayClock clock) {
        return SnapshotSection.of(
                "clock", out -> out.writeString(clock.instant().toString()), in -> {
                    try {
                        clock.advanceTo(java.time.Instant.parse(in.asText()));
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new SnapshotFormatException("the clock is not a time: " + in, e);
                    }
                });
    }

    /** One counter (records numbered so far, a sequence reached): a number to write and to take up. */
    public static SnapshotSection counter(String name, LongSupplier value, LongConsumer restore) {
        return SnapshotSection.of(name, out -> out.writeNumber(value.getAsLong()), in -> {
            if (!in.isIntegralNumber()) {
                throw new SnapshotFormatException("\"" + name + "\" is not a whole number: " + in);
            }
            restore.accept(in.asLong());
        });
    }
}
