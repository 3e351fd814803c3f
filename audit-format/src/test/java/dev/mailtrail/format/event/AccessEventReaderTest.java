package dev.mailtrail.format.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.ResultStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessEventReaderTest {
    private static final String SPEC_EXAMPLE = """
            {"time":"2026-03-02T09:15:04.120Z","kind":"access",
             "actor":"bob@contoso.com","mailbox":"alice@contoso.com","logonType":"Delegate",
             "operation":"MailItemsAccessed","accessType":"Bind",
             "session":{"id":"5f0c","clientIp":"203.0.113.7","clientInfo":"Client=IMAP4; mutt/2.2.9","appId":null},
             "folder":{"id":"alice/INBOX;uidvalidity=1700000000","path":"\\\\Inbox"},
             "items":[{"internetMessageId":"<a1@contoso.com>","id":"x;uid=42","size":48213,"subject":"Q3 wire"}],
             "result":"Succeeded"}""".replace("\n", "");

    private final AccessEventReader reader = new AccessEventReader();

    @Test
    void readsTheSpecsAccessExample() throws Exception {
        MailboxAccess access = (MailboxAccess) reader.read(SPEC_EXAMPLE);

        assertThat(access.time()).isEqualTo(Instant.parse("2026-03-02T09:15:04.120Z"));
        assertThat(access.actor()).isEqualTo("bob@contoso.com");
        assertThat(access.mailbox()).isEqualTo("alice@contoso.com");
        assertThat(access.logonType()).isEqualTo(LogonType.DELEGATE);
        assertThat(access.operation()).isEqualTo(MailboxAction.MAIL_ITEMS_ACCESSED);
        assertThat(access.accessType()).isEqualTo(MailAccessType.BIND);
        assertThat(access.session().id()).isEqualTo("5f0c");
        assertThat(access.session().clientIp()).isEqualTo("203.0.113.7");
        assertThat(access.session().clientInfo()).isEqualTo("Client=IMAP4; mutt/2.2.9");
        assertThat(access.session().appId()).isNull();
        assertThat(access.folder()).isEqualTo(new FolderRef("alice/INBOX;uidvalidity=1700000000", "\\Inbox"));
        assertThat(access.items()).containsExactly(new ItemRef("<a1@contoso.com>", "x;uid=42", 48213L, "Q3 wire"));
        assertThat(access.result()).isEqualTo(ResultStatus.SUCCEEDED);
    }

    @Test
    void readsACmdletLine() throws Exception {
        CmdletInvocation cmdlet = (CmdletInvocation) reader.read("""
                {"time":"2026-03-02T08:00:00Z","kind":"cmdlet","actor":"admin@contoso.com",\
                "command":"Set-Mailbox -Identity alice@contoso.com -AuditOwner @{Add=\\"MailboxLogin\\"}"}""");

        assertThat(cmdlet.actor()).isEqualTo("admin@contoso.com");
        assertThat(cmdlet.command())
                .isEqualTo("Set-Mailbox -Identity alice@contoso.com -AuditOwner @{Add=\"MailboxLogin\"}");
    }

    @Test
    void acceptsTheOtherSpellingsOfLogonTypes() throws Exception {
        for (String spelling : new String[] {"\"Delegated\"", "2", "\"2\""}) {
            MailboxAccess access = (MailboxAccess) reader.read(SPEC_EXAMPLE.replace("\"Delegate\"", spelling));
            assertThat(access.logonType()).as(spelling).isEqualTo(LogonType.DELEGATE);
        }
    }

    @Test
    void timeWithAnOffsetIsConvertedToAnInstant() throws Exception {
        MailboxAccess access = (MailboxAccess) reader.read(SPEC_EXAMPLE.replace("09:15:04.120Z", "10:15:04.120+01:00"));

        assertThat(access.time()).isEqualTo(Instant.parse("2026-03-02T09:15:04.120Z"));
    }

    @Test
    void errorsNameTheField() {
        assertError(SPEC_EXAMPLE.replace("\"Delegate\"", "\"Guest\""), "logonType", "Owner, Delegate or Admin");
        assertError(SPEC_EXAMPLE.replace("\"MailItemsAccessed\"", "\"ReadMail\""), "operation", "ReadMail");
        assertError(SPEC_EXAMPLE.replace("\"Bind\"", "\"Peek\""), "accessType", "Bind or Sync");
        assertError(SPEC_EXAMPLE.replace("09:15:04.120Z", "09:15:04"), "time", "with a zone");
        assertError(SPEC_EXAMPLE.replace("\"kind\":\"access\"", "\"kind\":\"read\""), "kind", "\"read\"");
        assertError(SPEC_EXAMPLE.replace("\"actor\":\"bob@contoso.com\",", ""), "actor", "required");
        assertError(SPEC_EXAMPLE.replace("\"size\":48213", "\"size\":-1"), "items[0].size", "whole number");
        assertError(SPEC_EXAMPLE.replace("\"size\":48213", "\"size\":\"big\""), "items[0].size", "whole number");
        assertError(
                SPEC_EXAMPLE.replace("\"internetMessageId\":\"<a1@contoso.com>\",", ""),
                "items[0].internetMessageId",
                "required");
        assertError(SPEC_EXAMPLE.replace("\"result\":\"Succeeded\"", "\"result\":\"Ok\""), "result", "Ok");
        assertError(
                SPEC_EXAMPLE.replace("\"clientIp\":\"203.0.113.7\"", "\"clientIp\":7"), "session.clientIp", "string");
    }

    @Test
    void aBindNeedsItemsAndMailItemsAccessedNeedsAFolder() {
        assertError(SPEC_EXAMPLE.replaceAll("\"items\":\\[.*\\],", ""), "items", "at least one item");
        assertError(SPEC_EXAMPLE.replaceAll("\"folder\":\\{[^}]*\\},", ""), "folder", "required for MailItemsAccessed");
    }

    @Test
    void onlyMailItemsAccessedHasAnAccessType() {
        assertError(SPEC_EXAMPLE.replace("\"MailItemsAccessed\"", "\"SoftDelete\""), "accessType", "SoftDelete");
        assertError(SPEC_EXAMPLE.replace("\"accessType\":\"Bind\",", ""), "accessType", "Bind or Sync");
    }

    @Test
    void aLineThatIsNotAJsonObjectIsRefusedAsAWhole() {
        assertThatThrownBy(() -> reader.read("{\"time\": "))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> reader.read("[1,2]"))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void unknownFieldsAreIgnoredSoSensorsCanAddTheirOwn() throws Exception {
        MailboxAccess access =
                (MailboxAccess) reader.read(SPEC_EXAMPLE.replace("{\"time\"", "{\"x-sensor\":1,\"time\""));

        assertThat(access.actor()).isEqualTo("bob@contoso.com");
    }

    private void assertError(String line, String field, String detail) {
        assertThatThrownBy(() -> reader.read(line)).isInstanceOfSatisfying(EventFormatException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(detail);
        });
    }
}
