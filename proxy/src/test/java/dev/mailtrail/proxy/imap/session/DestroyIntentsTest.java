package dev.mailtrail.proxy.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.core.generate.ReplayClock;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapRequestDecoder;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapResponseScanner;
import dev.mailtrail.proxy.session.DownloadActivity;
import dev.mailtrail.proxy.session.DownloadRuleConfig;
import dev.mailtrail.proxy.session.RememberingIdentityResolver;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strict mode: a STORE {@code \Deleted}, EXPUNGE, UID EXPUNGE, CLOSE or MOVE journals the intent of its delete or move
 * before the server has it (docs/decisions/0011), naming the messages by the ids the access decided from the answer
 * carries, so that access completes it; the answer closes it, and an intent the session left open becomes the record.
 */
class DestroyIntentsTest {

    static final String FOLDER = "alice/INBOX;uidvalidity=1700000000";

    private final RecordingIntentSink sink = new RecordingIntentSink();
    private final TestClock clock = new TestClock();
    private final ImapSessionAuditor auditor = new ImapSessionAuditor(
            ImapAuditConfig.DEFAULTS.withDecideOnDelivery(true),
            "s1",
            "203.0.113.7",
            clock,
            sink,
            new DownloadActivity(DownloadRuleConfig.DEFAULTS, 10_000),
            new RememberingIdentityResolver(100));
    private final ImapRequestDecoder decoder = new ImapRequestDecoder(65_536, 1 << 20);
    private final ImapResponseScanner scanner = new ImapResponseScanner(65_536, 4096);

    DestroyIntentsTest() {
        auditor.intentsTo(sink);
    }

    @Test
    void aStoreOfDeletedBySequenceNumberNamesTheUidsItsSoftDeleteCarries() {
        selectedAndListed();
        client("t STORE 1,3 +FLAGS (\\Deleted)");
        AccessIntent intent = onlyIntent();
        assertThat(intent.kind()).isEqualTo(AccessIntent.Kind.DESTROY);
        assertThat(intent.access().operation()).isEqualTo(MailboxAction.SOFT_DELETE);
        assertThat(ids(intent.access())).containsExactly(FOLDER + ";uid=4", FOLDER + ";uid=6");
        assertThat(intent.access().parameters()).contains(new NameValue("MailTrailIntentCommand", "STORE 1,3 +FLAGS"));
        assertThat(sink.outcomes()).as("nothing answered yet").isEmpty();

        server("* 1 FETCH (FLAGS (\\Deleted))\r\n* 3 FETCH (FLAGS (\\Deleted))\r\nt OK Store completed.\r\n");
        MailboxAccess soft = onlyAccess(MailboxAction.SOFT_DELETE);
        assertThat(ids(soft)).isEqualTo(ids(intent.access()));
        assertThat(sink.outcomes()).containsExactly("OK");
        assertThat(sink.events.indexOf(soft))
                .as("the access is journaled before the outcome that closes the intent")
                .isLessThan(sink.events.size() - 1);
    }

    @Test
    void aSetThatCannotBeCountedIsNamedByItself() {
        selected();
        client("t UID STORE 7:* +FLAGS.SILENT (\\Deleted)");
        AccessIntent intent = onlyIntent();
        assertThat(ids(intent.access())).containsExactly(FOLDER + ";uids=7:*");
        assertThat(intent.access().parameters()).contains(new NameValue("MailTrailIntentUnmapped", "UID 7:*"));
    }

    @Test
    void aStoreOfOtherFlagsAnnouncesNothing() {
        selectedAndListed();
        client("t STORE 1 +FLAGS (\\Seen)");
        client("u STORE 1 -FLAGS (\\Deleted)");
        assertThat(sink.intents()).isEmpty();
    }

    @Test
    void anExpungeNamesTheDeletedMarksAndThoseAStoreBeforeItIsMaking() {
        selectedAndListed(); // uid 5 is \Deleted already
        client("t STORE 1 +FLAGS.SILENT (\\Deleted)");
        client("e EXPUNGE");
        AccessIntent expunge = sink.intents().getLast();
        assertThat(expunge.access().operation()).isEqualTo(MailboxAction.HARD_DELETE);
        assertThat(ids(expunge.access())).containsExactly(FOLDER + ";uid=4", FOLDER + ";uid=5");

        server("t OK Store completed.\r\n* 2 EXPUNGE\r\n* 1 EXPUNGE\r\ne OK Expunge completed.\r\n");
        MailboxAccess hard = onlyAccess(MailboxAction.HARD_DELETE);
        assertThat(ids(hard)).containsExactlyInAnyOrderElementsOf(ids(expunge.access()));
        assertThat(sink.outcomes()).containsExactly("OK", "OK");
        assertThat(records(sink.events))
                .as("one SoftDelete and one HardDelete record, no record of an intent")
                .extracting(AuditRecord::operation)
                .containsExactlyInAnyOrder("SoftDelete", "HardDelete");
    }

    @Test
    void moreDeletedMarksThanAnIntentNamesOneByOneAreNamedAsOneSet() {
        selected();
        client("t UID STORE 1:10001,10005 +FLAGS.SILENT (\\Deleted)");
        server("t OK Store completed.\r\n");
        client("e EXPUNGE");
        AccessIntent expunge = sink.intents().getLast();
        assertThat(ids(expunge.access())).containsExactly(FOLDER + ";uids=1:10001,10005");
        assertThat(expunge.access().parameters())
                .contains(new NameValue("MailTrailIntentUnmapped", "UID 1:10001,10005"));
    }

    @Test
    void aUidExpungeNamesItsSetMappedAsAFetchSetIs() {
        selectedAndListed();
        client("e UID EXPUNGE 5:6");
        assertThat(ids(onlyIntent().access())).containsExactly(FOLDER + ";uid=5", FOLDER + ";uid=6");
        assertThat(onlyIntent().access().parameters())
                .contains(new NameValue("MailTrailIntentCommand", "UID EXPUNGE 5:6"));
    }

    @Test
    void aCloseOfAReadWriteFolderNamesItsDeletedMarksAndOfAnExaminedOneNothing() {
        selectedAndListed();
        client("c CLOSE");
        assertThat(ids(onlyIntent().access())).containsExactly(FOLDER + ";uid=5");
        server("c OK Close completed.\r\n");
        assertThat(ids(onlyAccess(MailboxAction.HARD_DELETE))).containsExactly(FOLDER + ";uid=5");

        client("x EXAMINE INBOX");
        server("* 2 EXISTS\r\n* OK [UIDVALIDITY 1700000000] UIDs valid\r\nx OK [READ-ONLY] Examine completed.\r\n");
        client("f FETCH 1:2 (UID FLAGS)");
        server("* 1 FETCH (UID 4 FLAGS (\\Deleted))\r\n* 2 FETCH (UID 6 FLAGS ())\r\nf OK Fetch completed.\r\n");
        client("d CLOSE");
        assertThat(sink.intents())
                .as("a read-only folder's CLOSE removes nothing")
                .hasSize(1);
    }

    @Test
    void aMoveToTheTrashIsMoveToDeletedItemsAndElsewhereAMove() {
        selectedAndListed();
        client("m UID MOVE 4 Trash");
        AccessIntent trash = onlyIntent();
        assertThat(trash.access().operation()).isEqualTo(MailboxAction.MOVE_TO_DELETED_ITEMS);
        assertThat(trash.access().destFolder().path()).isEqualTo("\\Trash");
        assertThat(ids(trash.access())).containsExactly(FOLDER + ";uid=4");
        server("* OK [COPYUID 9 4 1] Moved UIDs.\r\n* 1 EXPUNGE\r\nm OK Move completed.\r\n");
        assertThat(ids(onlyAccess(MailboxAction.MOVE_TO_DELETED_ITEMS))).isEqualTo(ids(trash.access()));

        client("n MOVE 1 Archive");
        AccessIntent move = sink.intents().getLast();
        assertThat(move.access().operation()).isEqualTo(MailboxAction.MOVE);
        assertThat(ids(move.access())).containsExactly(FOLDER + ";uid=5");
        client("k COPY 1 Archive");
        assertThat(sink.intents()).as("a copy destroys nothing").hasSize(2);
    }

    @Test
    void aRefusedExpungeClosesItsIntentAndLeavesNoRecord() {
        selectedAndListed();
        client("e EXPUNGE");
        server("e NO [SERVERBUG] Internal error.\r\n");
        assertThat(sink.accesses()).noneMatch(a -> a.operation() == MailboxAction.HARD_DELETE);
        assertThat(sink.outcomes()).containsExactly("NO");
        assertThat(records(sink.events)).noneMatch(r -> r.operation().equals("HardDelete"));
    }

    @Test
    void aSessionThatEndsBeforeTheAnswerLeavesTheIntentsRecord() {
        selectedAndListed();
        client("t STORE 2 +FLAGS (\\Deleted)");
        client("e EXPUNGE");
        auditor.close();
        assertThat(sink.outcomes()).containsExactly("LOST", "LOST");
        List<AuditRecord> records = records(sink.events);
        assertThat(records).extracting(AuditRecord::operation).containsExactlyInAnyOrder("SoftDelete", "HardDelete");
        assertThat(records).allSatisfy(r -> assertThat(r.toString()).contains("MailTrailIntent"));
    }

    @Test
    void theDestroyIntentsOpenAreThoseSentAndNotYetAnswered() {
        selectedAndListed();
        client("f FETCH 1 (BODY.PEEK[])");
        client("e EXPUNGE");
        String expunge = sink.intents().getLast().id();
        assertThat(auditor.destroyIntentsOpen()).containsExactly(expunge);
        server("e OK Expunge completed.\r\n");
        assertThat(auditor.destroyIntentsOpen()).isEmpty();
    }

    private AccessIntent onlyIntent() {
        assertThat(sink.intents()).hasSize(1);
        return sink.intents().getFirst();
    }

    private MailboxAccess onlyAccess(MailboxAction operation) {
        List<MailboxAccess> found =
                sink.accesses().stream().filter(a -> a.operation() == operation).toList();
        assertThat(found).as(String.join("\n", sink.lines())).hasSize(1);
        return found.getFirst();
    }

    private static List<String> ids(MailboxAccess access) {
        return access.items().stream().map(ItemRef::id).toList();
    }

    /** What the audit core makes of the events as journaled, intents still open resolved as on recovery. */
    private static List<AuditRecord> records(List<AuditEvent> events) {
        ReplayClock clock = new ReplayClock(events.getFirst().time());
        List<AuditRecord> records = new ArrayList<>();
        RecordGenerator core = new RecordGenerator(
                new AuditConfiguration(OrganizationConfig.defaults()), clock, records::add, () -> "id");
        events.forEach(core::accept);
        core.resolveIntents("crash");
        core.flush();
        return records;
    }

    /** Logged in as alice with INBOX selected: three messages, their UIDs not yet known. */
    private void selected() {
        server("* OK ready.\r\n");
        client("a LOGIN alice secret");
        server("a OK Logged in.\r\n");
        client("s SELECT INBOX");
        server("* 3 EXISTS\r\n* OK [UIDVALIDITY 1700000000] UIDs valid\r\ns OK [READ-WRITE] Select completed.\r\n");
    }

    /** {@link #selected()}, and a listing taught the session UIDs 4, 5 and 6, 5 marked {@code \Deleted}. */
    private void selectedAndListed() {
        selected();
        client("l FETCH 1:* (UID FLAGS)");
        server("* 1 FETCH (UID 4 FLAGS ())\r\n* 2 FETCH (UID 5 FLAGS (\\Deleted))\r\n* 3 FETCH (UID 6 FLAGS ())\r\n"
                + "l OK Fetch completed.\r\n");
    }

    private void client(String line) {
        for (ImapRequest r : decoder.feed(bytes(line + "\r\n"))) {
            auditor.onRequest(r);
        }
    }

    private void server(String wire) {
        for (ImapResponse r : scanner.feed(bytes(wire))) {
            if (r instanceof ImapResponse.Tagged t) {
                decoder.serverCompleted(t.tag());
            }
            auditor.onResponse(r);
        }
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
