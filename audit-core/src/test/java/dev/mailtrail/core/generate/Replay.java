package dev.mailtrail.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.cmdlet.CmdletOutcome;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A record generator run as {@code mt replay} runs it: the clock moves to each event's time before the event is
 * taken, records land in a list, record ids count up.
 */
final class Replay {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final String ADMIN = "admin@contoso.com";

    final ReplayClock clock = new ReplayClock(T0);
    final AuditConfiguration configuration;
    final List<AuditRecord> records = new ArrayList<>();
    final RecordGenerator generator;
    private int ids;

    Replay() {
        this(OrganizationConfig.defaults());
    }

    Replay(OrganizationConfig organization) {
        this(organization, null);
    }

    Replay(OrganizationConfig organization, IdSource idSource) {
        configuration = new AuditConfiguration(organization);
        generator = new RecordGenerator(
                configuration, clock, records::add, idSource != null ? idSource : () -> "id-" + ++ids);
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Instant at(Duration offset) {
        return T0.plus(offset);
    }

    Acceptance accept(AuditEvent event) {
        clock.advanceTo(event.time());
        return generator.accept(event);
    }

    /** Lets time pass with no event: the windows it ends close. */
    void advanceTo(Instant time) {
        clock.advanceTo(time);
        generator.closeExpiredWindows();
    }

    CmdletOutcome cmdlet(Instant time, String line) {
        return accept(new CmdletInvocation(time, ADMIN, line, new Session("admin-session", "198.51.100.9", null, null)))
                .cmdlet();
    }

    void run(Instant time, String line) {
        assertThat(cmdlet(time, line).error()).as(line).isNull();
    }

    List<AuditRecord> flush() {
        generator.flush();
        return records;
    }

    List<AuditRecord> mailItemsAccessed() {
        return records.stream()
                .filter(r -> r.recordType() == RecordType.EXCHANGE_ITEM_AGGREGATED)
                .toList();
    }

    AuditStatistics statistics() {
        return generator.statistics();
    }

    /** The messages a MailItemsAccessed record lists, by short id, folder after folder. */
    static List<String> messages(AuditRecord record) {
        return record.folders().stream()
                .flatMap(folder -> folder.folderItems().stream())
                .map(ItemRef::id)
                .toList();
    }
}
