package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.generate.Acceptance;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.core.generate.ReplayClock;
import dev.mailtrail.core.record.AuditRecord;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The audit core as the journal drives it: each entry moves the core's clock to its own time and is applied, so
 * that whoever applies the same entries in the same order — the pipeline's core thread, or {@code mt verify}
 * replaying the journal into a core of its own — gets the same records with the same Ids.
 */
final class JournalDrivenCore {
    private final ReplayClock clock = new ReplayClock(Instant.EPOCH);
    private final RecordIds ids;
    private final RecordGenerator generator;
    private final Consumer<PipelineEntry.Loss> losses;

    /**
     * @param records takes each record made, with the organisation's configuration of that moment
     * @param losses told of each journal loss before its damage record is made (the records it accounts for are not
     *     made again)
     */
    JournalDrivenCore(
            RecordIds ids, BiConsumer<AuditRecord, OrganizationConfig> records, Consumer<PipelineEntry.Loss> losses) {
        this.ids = ids;
        this.losses = losses;
        this.generator = new RecordGenerator(
                new AuditConfiguration(OrganizationConfig.defaults()),
                clock,
                record -> records.accept(record, generator().configuration().organization()),
                ids);
    }

    RecordGenerator generator() {
        return generator;
    }

    Acceptance apply(PipelineEntry entry) {
        return switch (entry) {
            case PipelineEntry.Event event -> {
                clock.advanceTo(event.event().time());
                yield generator.accept(event.event());
            }
            case PipelineEntry.Tick tick -> {
                clock.advanceTo(tick.time());
                generator.closeExpiredWindows();
                yield null;
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
                ids.skipTo(loss.storedRecords());
                clock.advanceTo(loss.time());
                yield generator.accept(new CmdletInvocation(loss.time(), loss.actor(), loss.cmdletLine(), null));
            }
        };
    }
}
