package dev.mailtrail.app.pipeline;

import dev.mailtrail.app.pipeline.snapshot.CoreSections;
import dev.mailtrail.app.pipeline.snapshot.SnapshotSection;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.generate.Acceptance;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.core.generate.ReplayClock;
import dev.mailtrail.core.record.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The audit core as the journal drives it: each entry moves the core's clock to its own time and is applied, so
 * that whoever applies the same entries in the same order — the pipeline's core thread, or {@code mt verify}
 * replaying the journal into a core of its own — gets the same records with the same Ids.
 */
public final class JournalDrivenCore {
    private final ReplayClock clock = new ReplayClock(Instant.EPOCH);
    private final RecordIds ids;
    private final RecordGenerator generator;
    private final Consumer<PipelineEntry.Loss> losses;
    private final Consumer<AuditRecord> dropped;
    private final Duration intentTimeout;
    /** While a {@link PipelineEntry.Configure} is applied: what it makes is dropped, not recorded. */
    private boolean configuringOnly;
    /** The furthest store checkpoint a {@link PipelineEntry.Loss} applied so far accounted for. */
    private long lossCoveredSequence;

    /**
     * @param records takes each record made, with the organisation's configuration of that moment
     * @param losses told of each journal loss before its damage record is made (the records it accounts for are not
     *     made again)
     */
    JournalDrivenCore(
            RecordIds ids, BiConsumer<AuditRecord, OrganizationConfig> records, Consumer<PipelineEntry.Loss> losses) {
        this(ids, records, losses, record -> {}, null);
    }

    /**
     * A core for one partition of a clustered journal (decision 0033).
     *
     * @param dropped told of each record a {@link PipelineEntry.Configure} made and dropped (it has its number, so
     *     that whoever counts records counts it too)
     * @param intentTimeout a {@link PipelineEntry.Tick} resolves the intents opened longer than this before its time
     *     (their proxy is gone); null: intents wait for their outcome or a {@link PipelineEntry.Resolve}
     */
    public JournalDrivenCore(
            RecordIds ids,
            BiConsumer<AuditRecord, OrganizationConfig> records,
            Consumer<PipelineEntry.Loss> losses,
            Consumer<AuditRecord> dropped,
            Duration intentTimeout) {
        this.ids = ids;
        this.losses = losses;
        this.dropped = dropped;
        this.intentTimeout = intentTimeout;
        this.generator = new RecordGenerator(
                new AuditConfiguration(OrganizationConfig.defaults()),
                clock,
                record -> {
                    if (configuringOnly) {
                        this.dropped.accept(record);
                    } else {
                        records.accept(record, generator().configuration().organization());
                    }
                },
                ids);
    }

    public RecordGenerator generator() {
        return generator;
    }

    /**
     * The parts of this core's state a snapshot keeps, each its own section (decision 0030): the clock, the records
     * numbered, the configuration and the generator's windows, tables and counters. A new stateful part adds its
     * section here.
     */
    public List<SnapshotSection> sections() {
        return List.of(
                CoreSections.clock(clock),
                CoreSections.counter("recordIds", ids::made, ids::skipTo),
                CoreSections.configuration(generator.configuration()),
                CoreSections.generator(generator),
                CoreSections.pendingIntents(generator),
                CoreSections.counter(
                        "lossCoveredSequence", () -> lossCoveredSequence, value -> lossCoveredSequence = value));
    }

    /** The furthest store checkpoint a journal loss accounted for: the stores may reach that far beyond the journal. */
    long lossCoveredSequence() {
        return lossCoveredSequence;
    }

    /** Records numbered so far, from the journal's start. */
    public long recordsMade() {
        return ids.made();
    }

    public Acceptance apply(PipelineEntry entry) {
        return switch (entry) {
            case PipelineEntry.Event event -> {
                clock.advanceTo(event.event().time());
                yield generator.accept(event.event());
            }
            case PipelineEntry.Tick tick -> {
                clock.advanceTo(tick.time());
                generator.closeExpiredWindows();
                if (intentTimeout != null) {
                    generator.resolveIntentsOpenedBefore(
                            clock.instant().minus(intentTimeout),
                            "no answer within the intent timeout of " + intentTimeout.toSeconds() + " s");
                }
                yield null;
            }
            case PipelineEntry.Configure configure -> {
                clock.advanceTo(configure.invocation().time());
                generator.closeExpiredWindows();
                configuringOnly = true;
                try {
                    // what the cmdlet decided, as the partition that records it decides: a waiter may ask either
                    yield generator.accept(configure.invocation());
                } finally {
                    configuringOnly = false;
                }
            }
            case PipelineEntry.Flush flush -> {
                clock.advanceTo(flush.time());
                generator.flush();
                yield null;
            }
            case PipelineEntry.Resolve resolve -> {
                clock.advanceTo(resolve.time());
                generator.resolveIntents("no answer journaled before the process stopped", resolve.byItemId());
                yield null;
            }
            case PipelineEntry.Loss loss -> {
                losses.accept(loss);
                lossCoveredSequence = Math.max(lossCoveredSequence, loss.storedSequence());
                ids.skipTo(loss.storedRecords());
                clock.advanceTo(loss.time());
                yield generator.accept(new CmdletInvocation(loss.time(), loss.actor(), loss.cmdletLine(), null));
            }
        };
    }
}
