package dev.mailtrail.format.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.event.ResultStatus;
import dev.mailtrail.core.event.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryEventCodecTest {

    @Test
    void everyEventOfTheStoryAndEveryShapeComesBackEqual() throws Exception {
        List<AuditEvent> events = new ArrayList<>(story());
        events.addAll(shapes());
        for (AuditEvent event : events) {
            assertThat(roundTrip(event)).as(event.toString()).isEqualTo(event);
        }
    }

    @Test
    void theBinaryFormIsSmallerThanTheJson() throws Exception {
        AccessEventWriter json = new AccessEventWriter();
        long binaryBytes = 0;
        long jsonBytes = 0;
        for (AuditEvent event : story()) {
            binaryBytes += encode(event).length;
            jsonBytes += json.toBytes(event).length;
        }
        assertThat(binaryBytes).isLessThan(jsonBytes * 3 / 4);
    }

    @Test
    void aCutOrAlteredEntryIsAFormatErrorNeverAnotherException() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        for (AuditEvent event : shapes()) {
            byte[] whole = encode(event);
            for (int cut = 0; cut < whole.length; cut++) {
                int length = cut;
                assertThatThrownBy(() -> BinaryEventCodec.read(whole, 0, length))
                        .as("cut at %d of %d", cut, whole.length)
                        .isInstanceOf(EventFormatException.class);
            }
            for (int i = 0; i < 200; i++) {
                byte[] altered = whole.clone();
                altered[random.nextInt(altered.length)] = (byte) random.nextInt(256);
                Throwable thrown = catchThrowable(() -> BinaryEventCodec.read(altered, 0, altered.length));
                assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t)
                        .isInstanceOf(EventFormatException.class));
            }
        }
    }

    @Test
    void anotherVersionIsNamed() {
        assertThatThrownBy(() -> BinaryEventCodec.read(new byte[] {2, 0}, 0, 2))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("version 2");
    }

    private static List<AuditEvent> shapes() {
        Session full = new Session("s-1", "[2001:db8::1]:443", "Client=IMAP4; name=Thunderbird; version=153", "app-7");
        FolderRef inbox = new FolderRef("alice/INBOX;uidvalidity=7", "\\Inbox");
        return List.of(
                new MailboxAccess(
                        Instant.parse("2026-03-02T09:15:04.123456789Z"),
                        "mallory@contoso.com",
                        "alice@contoso.com",
                        LogonType.DELEGATE,
                        MailboxAction.MAIL_ITEMS_ACCESSED,
                        MailAccessType.BIND,
                        full,
                        inbox,
                        null,
                        List.of(
                                new ItemRef("<a@x>", "uid=1", 0L, "Bo\u00eete de r\u00e9ception \u2014 \ud83d\udce7"),
                                new ItemRef("<b@x>", null, null, null),
                                new ItemRef(null, "uid=3", Long.MAX_VALUE - 1, "")),
                        ResultStatus.PARTIALLY_SUCCEEDED,
                        List.of(new NameValue("Flags", "\\Seen"), new NameValue("Empty", ""))),
                new MailboxAccess(
                        Instant.ofEpochSecond(-86_400 * 365L, 1),
                        "alice@contoso.com",
                        "alice@contoso.com",
                        LogonType.OWNER,
                        MailboxAction.MOVE,
                        null,
                        Session.NONE,
                        new FolderRef(null, "\\Inbox"),
                        new FolderRef("id-only", null),
                        List.of(new ItemRef("<c@x>", null, 12L, null)),
                        null,
                        null),
                new CmdletInvocation(
                        Instant.EPOCH,
                        "admin@contoso.com",
                        "Set-Mailbox -Identity alice@contoso.com -AuditOwner @{Add=\"MailboxLogin\"}",
                        null),
                new CmdletInvocation(Instant.parse("2026-03-02T10:00:00Z"), "admin@contoso.com", "Get-Mailbox", full),
                new AccessIntent(
                        "s-1/7",
                        new MailboxAccess(
                                Instant.parse("2026-03-02T09:15:04.5Z"),
                                "alice@contoso.com",
                                "alice@contoso.com",
                                LogonType.OWNER,
                                MailboxAction.MAIL_ITEMS_ACCESSED,
                                MailAccessType.BIND,
                                full,
                                inbox,
                                null,
                                List.of(
                                        new ItemRef("<a@x>", "alice/INBOX;uidvalidity=7;uid=1", null, "Lunch"),
                                        new ItemRef(null, "alice/INBOX;uidvalidity=7;seqs=4:*", null, null)),
                                null,
                                List.of(
                                        new NameValue("MailTrailIntentItems", "BODY_SECTION[] PEEK"),
                                        new NameValue("MailTrailIntentUnmapped", "4:*")))),
                new IntentOutcome(Instant.parse("2026-03-02T09:15:04.9Z"), "alice@contoso.com", full, "s-1/7", "OK"),
                new IntentOutcome(Instant.EPOCH, "", null, "s-1/8", IntentOutcome.LOST),
                new IntentOutcome(
                        Instant.parse("2026-03-02T09:15:05Z"),
                        "alice@contoso.com",
                        full,
                        "s-1/9",
                        IntentOutcome.LOST,
                        List.of(
                                new ItemRef("<b@x>", "alice/INBOX;uidvalidity=7;uid=2", 4096L, "Payroll"),
                                new ItemRef(null, "alice/INBOX;uidvalidity=7;uid=3", null, "No id"))));
    }

    @Test
    void anOutcomeWithoutNamesIsWrittenAsBeforeNamesExisted() throws Exception {
        IntentOutcome outcome = new IntentOutcome(Instant.EPOCH, "alice", null, "s-1/8", IntentOutcome.LOST);
        byte[] bytes = encode(outcome);
        assertThat(bytes[1]).as("kind 3, an outcome").isEqualTo((byte) 3);
        assertThat(encode(outcome.withNames(List.of(new ItemRef("<a@x>", "id", null, null))))[1])
                .as("kind 4, an outcome with names")
                .isEqualTo((byte) 4);
    }

    private static List<AuditEvent> story() throws Exception {
        AccessEventReader reader = new AccessEventReader();
        List<AuditEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../examples/bec-story.jsonl"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                events.add(reader.read(line));
            }
        }
        assertThat(events).hasSizeGreaterThan(10);
        return events;
    }

    private static byte[] encode(AuditEvent event) {
        BinaryEventCodec.Output out = new BinaryEventCodec.Output();
        BinaryEventCodec.write(event, out);
        return out.toByteArray();
    }

    private static AuditEvent roundTrip(AuditEvent event) throws EventFormatException {
        byte[] bytes = encode(event);
        byte[] framed = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, framed, 1, bytes.length);
        return BinaryEventCodec.read(framed, 1, bytes.length);
    }
}
