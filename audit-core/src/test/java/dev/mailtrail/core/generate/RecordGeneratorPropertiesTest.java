package dev.mailtrail.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.config.ThrottlingMode;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of record generation over random event streams. */
class RecordGeneratorPropertiesTest {
    private static final Duration WINDOW = Duration.ofMinutes(2);

    @Provide
    Arbitrary<List<EventStream.Step>> streams() {
        return EventStream.steps(150);
    }

    @Property
    void everyBindIsRecordedOrCountedAsSuppressed(@ForAll("streams") List<EventStream.Step> steps) {
        List<AuditEvent> events = EventStream.events(steps, Replay.T0);
        Replay replay = replay(events, ThrottlingMode.EXCHANGE);

        AuditStatistics statistics = replay.statistics();
        assertThat(statistics.bindsSeen()).isEqualTo(EventStream.binds(events));
        assertThat(bindRecords(replay).stream()
                        .mapToLong(AuditRecord::operationCount)
                        .sum())
                .isEqualTo(statistics.bindsRecorded());
        assertThat(statistics.events()).isEqualTo(events.size());
        assertThat(statistics.records()).isEqualTo(replay.records.size());
        assertThat(replay.generator.openWindows()).isZero();
    }

    @Property
    void aBindRecordsOperationCountIsTheNumberOfItemsItLists(@ForAll("streams") List<EventStream.Step> steps) {
        Replay replay = replay(EventStream.events(steps, Replay.T0), ThrottlingMode.OFF);

        for (AuditRecord record : bindRecords(replay)) {
            int items = record.folders().stream()
                    .mapToInt(f -> f.folderItems().size())
                    .sum();
            assertThat(record.operationCount()).isEqualTo(items).isPositive();
        }
    }

    @Property
    void replayingTheSameStreamGivesTheSameRecordsApartFromTheirIds(@ForAll("streams") List<EventStream.Step> steps) {
        List<AuditEvent> events = EventStream.events(steps, Replay.T0);

        List<AuditRecord> first = withoutIds(replay(events, ThrottlingMode.EXCHANGE, IdSource.random()).records);
        List<AuditRecord> second = withoutIds(replay(events, ThrottlingMode.EXCHANGE, IdSource.random()).records);

        assertThat(second).isEqualTo(first);
    }

    @Property
    void everyListedItemWasBoundInItsContextWithinTheRecordsWindow(@ForAll("streams") List<EventStream.Step> steps) {
        List<AuditEvent> events = EventStream.events(steps, Replay.T0);
        Map<String, List<Instant>> bindTimes = bindTimes(events);
        Replay replay = replay(events, ThrottlingMode.OFF);

        for (AuditRecord record : bindRecords(replay)) {
            Instant start = record.creationTime();
            Instant end = start.plus(WINDOW);
            for (FolderItems folder : record.folders()) {
                for (ItemRef item : folder.folderItems()) {
                    List<Instant> times = bindTimes.get(context(record) + folder.path() + "|" + item.id());
                    assertThat(times)
                            .as("binds of %s in %s", item.id(), folder.path())
                            .anyMatch(t -> !t.isBefore(start) && t.isBefore(end));
                }
            }
            assertThat(bindTimes.entrySet())
                    .as("a bind in the record's context at its CreationTime")
                    .anyMatch(e -> e.getKey().startsWith(context(record))
                            && e.getValue().contains(start));
        }
    }

    @Property
    void aMessageIsNotRecordedTwiceInOneContextAndFolderWithinAnHour(@ForAll("streams") List<EventStream.Step> steps) {
        Replay replay = replay(EventStream.events(steps, Replay.T0), ThrottlingMode.OFF);

        Map<String, Instant> lastRecorded = new HashMap<>();
        for (AuditRecord record : bindRecords(replay)) {
            for (FolderItems folder : record.folders()) {
                for (ItemRef item : folder.folderItems()) {
                    Instant previous =
                            lastRecorded.put(context(record) + folder.path() + "|" + item.id(), record.creationTime());
                    if (previous != null) {
                        assertThat(Duration.between(previous, record.creationTime()))
                                .isGreaterThan(Duration.ofHours(1).minus(WINDOW));
                    }
                }
            }
        }
    }

    @Property
    void withThrottlingOffNoBindIsEverThrottled(@ForAll("streams") List<EventStream.Step> steps) {
        Replay replay = replay(EventStream.events(steps, Replay.T0), ThrottlingMode.OFF);

        assertThat(replay.records).noneMatch(AuditRecord::isThrottled);
        assertThat(replay.statistics().bindsThrottled()).isZero();
        assertThat(replay.statistics().throttledRecords()).isZero();
    }

    @Property
    void belowTheLineExchangeThrottlingChangesNothing(@ForAll("streams") List<EventStream.Step> steps) {
        List<AuditEvent> events = EventStream.events(steps, Replay.T0);

        assertThat(replay(events, ThrottlingMode.EXCHANGE).records)
                .isEqualTo(replay(events, ThrottlingMode.OFF).records);
    }

    @Property(tries = 8)
    void overTheLineEveryBindIsStillAccountedForAndOneRecordIsThrottled(
            @ForAll @IntRange(min = 995, max = 1300) int binds,
            @ForAll @IntRange(min = 1, max = 3) int itemsPerBind,
            @ForAll @IntRange(min = 5, max = 60) int syncEvery) {
        Access alice = Access.owner("alice@contoso.com");
        List<AuditEvent> events = new ArrayList<>();
        int syncs = 0;
        for (int i = 0; i < binds; i++) {
            String[] items = new String[itemsPerBind];
            for (int k = 0; k < itemsPerBind; k++) {
                items[k] = "M" + i + "." + k;
            }
            events.add(alice.session("s" + i).bind(Replay.at(i), items));
            if (i % syncEvery == 0) {
                events.add(alice.in("\\Folder" + i).sync(Replay.at(i)));
                syncs++;
            }
        }
        events.add(alice.session("later").bind(Replay.at(Duration.ofHours(30)), "after"));

        Replay replay = replay(events, ThrottlingMode.EXCHANGE);

        AuditStatistics statistics = replay.statistics();
        assertThat(statistics.bindsSeen()).isEqualTo(EventStream.binds(events));
        assertThat(bindRecords(replay).stream()
                        .mapToLong(AuditRecord::operationCount)
                        .sum())
                .isEqualTo(statistics.bindsRecorded());
        long recordsInTheFirstDay = binds + syncs;
        assertThat(replay.records.stream().filter(AuditRecord::isThrottled).count())
                .isEqualTo(statistics.throttledRecords())
                .isEqualTo(recordsInTheFirstDay > 1000 ? 1 : 0);
        // Sync goes on past the line; Bind records stop at it, until the next day's read.
        assertThat(bindRecords(replay)).hasSizeLessThanOrEqualTo(1001 + 1);
        assertThat(Replay.messages(replay.mailItemsAccessed().getLast())).containsExactly("after");
    }

    private static Replay replay(List<AuditEvent> events, ThrottlingMode throttling) {
        return replay(events, throttling, null);
    }

    private static Replay replay(List<AuditEvent> events, ThrottlingMode throttling, IdSource ids) {
        Replay replay = new Replay(OrganizationConfig.defaults().withThrottling(throttling), ids);
        events.forEach(replay::accept);
        replay.flush();
        return replay;
    }

    private static List<AuditRecord> bindRecords(Replay replay) {
        return replay.mailItemsAccessed().stream()
                .filter(r -> MailAccessType.BIND.exchangeName().equals(r.mailAccessType()))
                .toList();
    }

    private static List<AuditRecord> withoutIds(List<AuditRecord> records) {
        return records.stream().map(r -> r.toBuilder().id(null).build()).toList();
    }

    /** Bind times by context, folder and message: the keys a record's listed items are looked up by. */
    private static Map<String, List<Instant>> bindTimes(List<AuditEvent> events) {
        Map<String, List<Instant>> times = new HashMap<>();
        for (AuditEvent event : events) {
            if (event instanceof MailboxAccess access
                    && access.operation() == MailboxAction.MAIL_ITEMS_ACCESSED
                    && access.accessType() == MailAccessType.BIND) {
                for (ItemRef item : access.items()) {
                    String key = context(access) + access.folder().path() + "|" + item.id();
                    times.computeIfAbsent(key, k -> new ArrayList<>()).add(access.time());
                }
            }
        }
        return times;
    }

    private static String context(MailboxAccess access) {
        return String.join(
                "|",
                access.mailbox(),
                access.actor(),
                Integer.toString(access.logonType().value()),
                access.session().id(),
                access.session().clientIp(),
                access.session().clientInfo(),
                "");
    }

    private static String context(AuditRecord record) {
        return String.join(
                "|",
                record.mailboxOwnerUpn(),
                record.userId(),
                Integer.toString(record.logonType()),
                record.sessionId(),
                record.clientIpAddress(),
                record.clientInfoString(),
                "");
    }
}
