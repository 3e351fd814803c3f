package dev.mailtrail.sensor.dovecot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.session.MessageSelection;
import dev.mailtrail.sensor.dovecot.event.DovecotEventException;
import dev.mailtrail.sensor.dovecot.event.DovecotEventReader;
import dev.mailtrail.sensor.dovecot.map.DovecotEventMapper;
import dev.mailtrail.sensor.dovecot.map.MappedAccess;
import dev.mailtrail.sensor.dovecot.map.MappingRules;
import dev.mailtrail.sensor.dovecot.map.NamingHint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapper over the real events Debian's Dovecot 2.3.19 exported (src/test/resources/dovecot-events). */
class DovecotEventMapperTest {
    private final DovecotEventReader reader = new DovecotEventReader();
    private final DovecotEventMapper mapper = new DovecotEventMapper(MappingRules.DEFAULTS);

    private List<String> mapped(String file) throws DovecotEventException {
        List<MappedAccess> out = new ArrayList<>();
        for (String line : CapturedEvents.lines(file)) {
            out.addAll(mapper.map(reader.read(line)));
        }
        out.addAll(mapper.flush());
        return out.stream()
                .map(MappedAccess::access)
                .map(CapturedEvents::describe)
                .toList();
    }

    @Test
    void anOwnersImapSessionBecomesLoginReadsDeletesMoveAndCreate() throws Exception {
        assertThat(mapped("imap-owner.jsonl"))
                .containsExactly(
                        "MailboxLogin alice->alice (OWNER) @203.0.113.7",
                        "MailItemsAccessed/BIND alice->alice (OWNER) \\Inbox [uid=1] @203.0.113.7",
                        "MailItemsAccessed/BIND alice->alice (OWNER) \\Inbox [uid=2] @203.0.113.7",
                        "MailItemsAccessed/BIND alice->alice (OWNER) \\Inbox [uid=3] @203.0.113.7",
                        "MailItemsAccessed/BIND alice->alice (OWNER) \\Inbox [uid=4] @203.0.113.7",
                        "SoftDelete alice->alice (OWNER) \\Inbox [uid=2] @203.0.113.7",
                        "HardDelete alice->alice (OWNER) \\Inbox [uid=2] @203.0.113.7",
                        "MoveToDeletedItems alice->alice (OWNER) \\Inbox -> \\Trash [uid=3] @203.0.113.7",
                        "MailItemsAccessed/SYNC alice->alice (OWNER) \\Inbox [uid=1] @203.0.113.7",
                        "MailItemsAccessed/SYNC alice->alice (OWNER) \\Inbox [uid=4] @203.0.113.7",
                        "Create alice->alice (OWNER) \\Drafts [uid=1] @203.0.113.7",
                        "SoftDelete alice->alice (OWNER) \\Trash [seq=1] @203.0.113.7",
                        "HardDelete alice->alice (OWNER) \\Trash [uid=1] @203.0.113.7");
    }

    @Test
    void headerListingsStructureAndAppendStreamsAreNotReads() throws Exception {
        mapped("imap-owner.jsonl");
        assertThat(mapper.counts().ignored())
                .containsKeys(
                        "mail_opened imap:cmd_uid_fetch+imap:fetch_header_fields+imap:fetch_size+mail:imap_envelope",
                        "mail_opened imap:cmd_uid_fetch+imap:fetch_bodystructure+mail:imap_bodystructure",
                        "mail_opened imap:cmd_append",
                        "imap_command_finished SELECT");
        assertThat(mapper.counts().unknownEvents()).isEmpty();
        assertThat(mapper.counts().unknownFields()).isEmpty();
    }

    @Test
    void headerListingsAreHintsToNameTheirMessagesWhileTheyExist() throws Exception {
        List<NamingHint> hints = new ArrayList<>();
        for (String line : CapturedEvents.lines("imap-owner.jsonl")) {
            mapper.map(reader.read(line));
            hints.addAll(mapper.takeHints());
        }
        assertThat(hints)
                .containsExactly(
                        new NamingHint("alice", "INBOX", new MessageSelection.Uids(List.of(3L))),
                        new NamingHint("alice", "INBOX", new MessageSelection.Sequences("1:*")),
                        new NamingHint("alice", "INBOX", new MessageSelection.Sequences("1:*")));
    }

    @Test
    void aMasterUserIsTheAdminActorOnTheUsersMailbox() throws Exception {
        assertThat(mapped("imap-master-user.jsonl"))
                .containsExactly(
                        "MailboxLogin auditor->alice (ADMIN) @127.0.0.1",
                        "MailItemsAccessed/BIND auditor->alice (ADMIN) \\Inbox [uid=1] @127.0.0.1");
    }

    @Test
    void aSharedFolderIsTheOwnersFolderReadByADelegate() throws Exception {
        assertThat(mapped("imap-delegate.jsonl"))
                .containsExactly(
                        "MailboxLogin bob->bob (OWNER) @127.0.0.1",
                        "MailItemsAccessed/BIND bob->alice (DELEGATE) \\Finance [uid=1] @127.0.0.1");
    }

    @Test
    void aPop3SessionThatRetrievesTwoMessagesIsASyncAndItsQuitAHardDelete() throws Exception {
        assertThat(mapped("pop3-and-failed-login.jsonl"))
                .containsExactly(
                        "MailboxLogin bob->bob (OWNER) @127.0.0.1",
                        "HardDelete bob->bob (OWNER) \\Inbox [uid=1] @127.0.0.1",
                        "MailItemsAccessed/SYNC bob->bob (OWNER) \\Inbox [uid=1,uid=2] @127.0.0.1");
        assertThat(mapper.counts().ignored()).containsKeys("auth_request_finished without success");
    }

    @Test
    void aMessageSentThroughTheSubmissionServiceIsASendNamingNoItem() throws Exception {
        assertThat(mapped("submission.jsonl"))
                .containsExactly(
                        "MailboxLogin alice->alice (OWNER) @127.0.0.1", "Send alice->alice (OWNER) @127.0.0.1");
        assertThat(mapper.counts().ignored()).containsKeys("auth_request_finished without session");
        assertThat(mapper.counts().unknownFields()).isEmpty();
    }

    @Test
    void theSessionIdAndClientInfoCarryOver() throws Exception {
        List<MailboxAccess> out = new ArrayList<>();
        for (String line : CapturedEvents.lines("imap-owner.jsonl")) {
            mapper.map(reader.read(line)).forEach(m -> out.add(m.access()));
        }
        assertThat(out).allSatisfy(a -> {
            assertThat(a.session().id()).isEqualTo("PknPL/VhFKTLAHEH");
            assertThat(a.session().clientInfo()).isEqualTo("Client=IMAP4");
        });
        assertThat(out.get(1).folder().id()).isEqualTo("alice/INBOX");
        assertThat(out.get(1).items().getFirst().id()).isEqualTo("alice/INBOX;uid=1");
    }

    @Test
    void anUnknownEventOrFieldIsCountedNotRefused() throws Exception {
        String line = "{\"event\":\"mail_metadata_accessed\",\"end_time\":\"2026-12-06T11:00:00Z\",\"fields\":{}}";
        assertThat(mapper.map(reader.read(line))).isEmpty();
        String opened = CapturedEvents.lines("imap-delegate.jsonl").get(3).replace("\"seq\":", "\"x_new\":1,\"seq\":");
        mapper.map(reader.read(opened));
        assertThat(mapper.counts().unknownEvents()).containsEntry("mail_metadata_accessed", 1L);
        assertThat(mapper.counts().unknownFields()).containsEntry("mail_opened.x_new", 1L);
    }

    @Test
    void aMalformedEventIsRefusedNamingTheField() {
        String opened = CapturedEvents.lines("imap-delegate.jsonl").get(3);
        assertThatThrownBy(() -> mapper.map(reader.read(opened.replace("\"uid\":1", "\"uid\":\"one\""))))
                .isInstanceOf(DovecotEventException.class)
                .hasMessage("mail_opened: field fields.uid must be a whole number, not one");
        assertThatThrownBy(() -> mapper.map(reader.read(opened.replace("\"mailbox\":", "\"mbox\":"))))
                .hasMessage("mail_opened: field fields.mailbox is missing");
        assertThatThrownBy(() -> reader.read(opened.replace("\"end_time\":\"", "\"end_time\":\"x")))
                .hasMessageStartingWith("mail_opened: field end_time must be an RFC 3339 time");
        assertThatThrownBy(() -> reader.read("{\"fields\":{}}")).hasMessageContaining("field event");
        assertThatThrownBy(() -> reader.read("{\"event\":")).hasMessageStartingWith("not JSON");
    }

    @Test
    void aQuietSessionsHeldReadsAreDecidedByTheCallersClock() throws Exception {
        List<String> pop = CapturedEvents.lines("pop3-and-failed-login.jsonl");
        for (String line : pop.subList(0, pop.size() - 1)) { // its mail_user_session_finished was lost
            mapper.map(reader.read(line));
        }
        assertThat(mapper.flushIdle(Instant.parse("2026-12-06T11:13:00Z"))).isEmpty();
        assertThat(mapper.flushIdle(Instant.parse("2026-12-06T11:20:00Z")))
                .extracting(m -> CapturedEvents.describe(m.access()))
                .containsExactly("MailItemsAccessed/SYNC bob->bob (OWNER) \\Inbox [uid=1,uid=2] @127.0.0.1");
    }
}
