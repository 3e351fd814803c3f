package dev.mailtrail.core.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every line cut or split at every character: the parser either reads it or refuses it with a syntax error
 * pointing inside (or just past) the line, and never fails any other way.
 */
class CmdletParserSplitTest {
    private static final List<String> LINES = List.of(
            "Set-Mailbox -Identity alice@contoso.com -AuditOwner @{Add=\"MailboxLogin\",'Move'; Remove=\"Update\"}",
            "Set-Mailbox alice -AuditAdmin @( 'Copy', \"FolderBind\" , Move ) -DefaultAuditSet Owner,Delegate",
            "Set-Mailbox -Identity \"O`\"Brien\" -AuditDelegate:'Send''As',SoftDelete -Confirm:$false -Force",
            "Set-OrganizationConfig -AuditDisabled:$true -AuditBaseline '2019-01'",
            "Set-MailboxAuditBypassAssociation -Identity svc@contoso.com -AuditBypassEnabled $true",
            "New-UnifiedGroup -PrimarySmtpAddress team@contoso.com -DisplayName \"Team; {x}\"");

    @Test
    void everyPrefixParsesOrIsASyntaxError() {
        for (String line : LINES) {
            for (int cut = 0; cut <= line.length(); cut++) {
                assertParsesOrRefuses(line.substring(0, cut));
            }
        }
    }

    @Test
    void everySuffixParsesOrIsASyntaxError() {
        for (String line : LINES) {
            for (int cut = 0; cut <= line.length(); cut++) {
                assertParsesOrRefuses(line.substring(cut));
            }
        }
    }

    @Test
    void aSpaceOrALineBreakAtEveryOffsetParsesOrIsASyntaxError() {
        for (String line : LINES) {
            for (int cut = 0; cut <= line.length(); cut++) {
                assertParsesOrRefuses(line.substring(0, cut) + " " + line.substring(cut));
                assertParsesOrRefuses(line.substring(0, cut) + "\n" + line.substring(cut));
            }
        }
    }

    @Test
    void everyPunctuationMarkAtEveryOffsetParsesOrIsASyntaxError() {
        for (String line : LINES) {
            for (int cut = 0; cut <= line.length(); cut++) {
                for (char mark : "\"'`,;=@(){}:$-".toCharArray()) {
                    assertParsesOrRefuses(line.substring(0, cut) + mark + line.substring(cut));
                }
            }
        }
    }

    @Test
    void theWholeLinesParse() throws Exception {
        for (String line : LINES) {
            assertThat(CmdletParser.parse(line).source()).isEqualTo(line);
        }
    }

    private static void assertParsesOrRefuses(String line) {
        try {
            CmdletParser.parse(line);
        } catch (CmdletSyntaxException e) {
            assertThat(e.column()).as("column in %s", line).isBetween(1, line.length() + 1);
        } catch (RuntimeException e) {
            throw new AssertionError("parsing <" + line + "> threw " + e, e);
        }
    }
}
