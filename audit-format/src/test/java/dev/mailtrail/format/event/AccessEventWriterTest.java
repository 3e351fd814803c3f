package dev.mailtrail.format.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.event.ResultStatus;
import dev.mailtrail.core.event.Session;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessEventWriterTest {
    private final AccessEventWriter writer = new AccessEventWriter();
    private final AccessEventReader reader = new AccessEventReader();

    @Test
    void aBindWithEveryFieldReadsBackEqual() throws Exception {
        MailboxAccess bind = new MailboxAccess(
                Instant.parse("2026-03-02T09:15:04.120Z"),
                "bob@contoso.com",
                "alice@contoso.com",
                LogonType.DELEGATE,
                MailboxAction.MAIL_ITEMS_ACCESSED,
                MailAccessType.BIND,
                new Session("5f0c", "203.0.113.7", "Client=IMAP4; name=mutt", "app-1"),
                new FolderRef("alice/INBOX;uidvalidity=1", "\\Inbox"),
                null,
                List.of(
                        new ItemRef("<a1@contoso.com>", "x;uid=42", 48213L, "Q3 \"wire\" ✓"),
                        new ItemRef("<a2@c>", null, null, null)),
                ResultStatus.PARTIALLY_SUCCEEDED,
                List.of());

        assertThat(roundTrip(bind)).isEqualTo(bind);
        byte[] framed = writer.toBytes(List.of(bind), new byte[] {'E'}).getFirst();
        assertThat(reader.read(framed, 1, framed.length - 1)).isEqualTo(bind);
    }

    @Test
    void aMoveWithParametersAndNoSessionReadsBackEqual() throws Exception {
        MailboxAccess move = new MailboxAccess(
                Instant.parse("2026-03-02T09:16:00Z"),
                "alice@contoso.com",
                "alice@contoso.com",
                LogonType.OWNER,
                MailboxAction.MOVE,
                null,
                new Session(null, "198.51.100.4", null, null),
                new FolderRef(null, "\\Inbox"),
                new FolderRef(null, "\\Archive"),
                List.of(new ItemRef("<m@c>", null, 10L, null)),
                ResultStatus.SUCCEEDED,
                List.of(new NameValue("Rule", "x\ny")));

        assertThat(roundTrip(move)).isEqualTo(move);
    }

    @Test
    void aCmdletReadsBackEqualWithAndWithoutSession() throws Exception {
        CmdletInvocation plain = new CmdletInvocation(
                Instant.parse("2026-03-02T09:00:00Z"),
                "admin@contoso.com",
                "Set-Mailbox -Identity alice -AuditOwner @{Add=\"MailboxLogin\"}",
                Session.NONE);
        CmdletInvocation withSession = new CmdletInvocation(
                plain.time(), plain.actor(), plain.command(), new Session("s", "10.0.0.1", null, null));

        assertThat(roundTrip(plain)).isEqualTo(plain);
        assertThat(roundTrip(withSession)).isEqualTo(withSession);
    }

    @Test
    void aGroupEncodedTogetherIsTheEventsEncodedOneByOneAfterThePrefix() throws Exception {
        List<AuditEvent> events = List.of(
                new CmdletInvocation(
                        Instant.parse("2026-03-02T09:00:00Z"),
                        "admin@contoso.com",
                        "Set-Mailbox -Identity a",
                        Session.NONE),
                new CmdletInvocation(
                        Instant.parse("2026-03-02T09:00:01Z"), "admin@contoso.com", "Get-Mailbox", Session.NONE));

        List<byte[]> together = writer.toBytes(events, new byte[] {'E'});

        assertThat(together).hasSize(2);
        for (int i = 0; i < events.size(); i++) {
            byte[] alone = writer.toBytes(events.get(i));
            assertThat(together.get(i)[0]).isEqualTo((byte) 'E');
            assertThat(java.util.Arrays.copyOfRange(together.get(i), 1, together.get(i).length))
                    .isEqualTo(alone);
        }
    }

    private AuditEvent roundTrip(AuditEvent event) throws EventFormatException {
        return reader.read(new String(writer.toBytes(event), StandardCharsets.UTF_8));
    }
}
