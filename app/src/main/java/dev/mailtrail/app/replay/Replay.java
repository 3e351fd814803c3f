package dev.mailtrail.app.replay;

import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.generate.Acceptance;
import dev.mailtrail.core.generate.AuditStatistics;
import dev.mailtrail.core.generate.IdSource;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.core.generate.ReplayClock;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.format.event.EventFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs event lines through a fresh audit core, the events' own time as its clock, then flushes and writes
 * the records ordered by CreationTime (ties in the order they were made). Records are gathered before writing
 * because an aggregated record's CreationTime is its first access, up to two minutes before later ones.
 */
public final class Replay {
    private final ReplayOptions options;

    public Replay(ReplayOptions options) {
        this.options = options;
    }

    /** Replays the sources in order; returns the exit status (0 done, 1 bad input). */
    public int run(List<EventSource> sources, InputStream stdin, PrintWriter out, PrintWriter err) {
        OrganizationConfig organization =
                OrganizationConfig.defaults().withBaseline(options.baseline()).withThrottling(options.throttling());
        List<AuditRecord> records = new ArrayList<>();
        ReplayClock clock = new ReplayClock(Instant.EPOCH);
        RecordGenerator generator =
                new RecordGenerator(new AuditConfiguration(organization), clock, records::add, IdSource.random());
        AccessEventReader reader = new AccessEventReader();
        int badLines = 0;
        boolean unreadable = false;
        sources:
        for (EventSource source : sources) {
            try (EventLines lines = source.open(stdin, options.maxLineBytes())) {
                for (EventLines.Line next = lines.next(); next != null; next = lines.next()) {
                    long lineNumber = next.number();
                    if (next instanceof EventLines.Bad bad) {
                        err.println(source.name() + ":" + lineNumber + ": " + bad.reason());
                        badLines++;
                        if (options.keepGoing()) {
                            continue;
                        }
                        break sources;
                    }
                    String line = ((EventLines.Text) next).text();
                    if (line.isBlank()) {
                        continue;
                    }
                    AuditEvent event;
                    try {
                        event = reader.read(line);
                    } catch (EventFormatException e) {
                        err.println(source.name() + ":" + lineNumber + ": " + e.getMessage());
                        badLines++;
                        if (options.keepGoing()) {
                            continue;
                        }
                        break sources;
                    }
                    clock.advanceTo(event.time());
                    Acceptance acceptance = generator.accept(event);
                    if (options.explain()
                            && acceptance.decision() != null
                            && !acceptance.decision().audited()) {
                        err.println(source.name() + ":" + lineNumber + ": "
                                + acceptance.decision().reason());
                    }
                    if (acceptance.cmdlet() != null && !acceptance.cmdlet().succeeded()) {
                        err.println(source.name() + ":" + lineNumber + ": "
                                + acceptance.cmdlet().cmdlet() + ": "
                                + acceptance.cmdlet().error());
                    }
                }
            } catch (NoSuchFileException e) {
                err.println(source.name() + ": no such file");
                unreadable = true;
                break;
            } catch (IOException e) {
                err.println(source.name() + ": cannot read: " + e.getMessage());
                unreadable = true;
                break;
            }
        }
        generator.flush();
        records.sort(Comparator.comparing(AuditRecord::creationTime));
        AuditDataWriter writer = new AuditDataWriter();
        for (AuditRecord record : records) {
            out.println(writer.toJson(record));
        }
        out.flush();
        summarise(generator.statistics(), badLines, err);
        if (unreadable) {
            return 1;
        }
        return badLines > 0 && !options.keepGoing() ? 1 : 0;
    }

    private static void summarise(AuditStatistics statistics, int badLines, PrintWriter err) {
        StringBuilder summary = new StringBuilder("mt replay: ")
                .append(statistics.events())
                .append(" events, ")
                .append(statistics.records())
                .append(" records; binds ")
                .append(statistics.bindsRecorded())
                .append(" recorded, ")
                .append(statistics.bindsDeduplicated())
                .append(" de-duplicated, ")
                .append(statistics.bindsThrottled())
                .append(" throttled, ")
                .append(statistics.bindsNotAudited())
                .append(" not audited");
        statistics.notAudited().forEach((verdict, count) -> summary.append("; not audited (")
                .append(verdict.label())
                .append("): ")
                .append(count));
        if (statistics.cmdletsFailed() > 0) {
            summary.append("; cmdlets refused: ").append(statistics.cmdletsFailed());
        }
        if (badLines > 0) {
            summary.append("; malformed lines: ").append(badLines);
        }
        err.println(summary);
        err.flush();
    }
}
