package dev.mailtrail.app.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtRun;
import dev.mailtrail.core.cmdlet.CmdletParameter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cmdlet answers --help, -?, mt help and Get-Help with Get-Help's sections and each parameter it binds. */
class CmdletHelpTest {
    static List<String> cmdlets() {
        return CmdletCommands.names();
    }

    @ParameterizedTest
    @MethodSource("cmdlets")
    void eachWayOfAskingShowsTheSyntaxAndEveryParameterTheCmdletBinds(String cmdlet) {
        for (String[] asked : List.of(
                new String[] {cmdlet, "--help"},
                new String[] {cmdlet, "-Identity", "x", "-?"},
                new String[] {"help", cmdlet},
                new String[] {"Get-Help", cmdlet.toLowerCase(java.util.Locale.ROOT)})) {
            MtRun help = MtRun.of(asked);

            assertThat(help.exit()).as(String.join(" ", asked) + help.err()).isZero();
            assertThat(help.err()).isEmpty();
            assertThat(help.out())
                    .contains("NAME\n    " + cmdlet + "\n", "SYNOPSIS\n", "SYNTAX\n    " + cmdlet, "PARAMETERS\n");
            for (CmdletParameter parameter : CmdletCommands.syntax(cmdlet).parameters()) {
                assertThat(help.out()).contains("\n    -" + parameter.name() + typed(parameter) + "\n");
            }
            assertThat(help.out()).contains("<CommonParameters>", "-Confirm", "-Force");
        }
    }

    @ParameterizedTest
    @MethodSource("cmdlets")
    void mtHelpListsTheCmdlet(String cmdlet) {
        MtRun list = MtRun.of("help");

        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("replay", "ingest", "scope").containsPattern("\n  " + cmdlet + " +[A-Z]");
    }

    @org.junit.jupiter.api.Test
    void aBooleanShowsItsTypeAndASwitchNone() {
        String help = MtRun.of("help", "Set-OrganizationConfig").out();
        assertThat(help).contains("[-AuditDisabled <Boolean>]", "-AuditDisabled <Boolean>\n");
        assertThat(MtRun.of("help", "Search-MailboxAuditLog").out())
                .contains("[[-Identity] <MailboxIdParameter>]", "[-ShowDetails]", "[-ExternalAccess <Boolean>]");
        assertThat(MtRun.of("help", "Set-Mailbox").out()).contains("Set-Mailbox [-Identity] <MailboxIdParameter>");
    }

    @org.junit.jupiter.api.Test
    void getHelpOfAnUnknownCmdletSaysSo() {
        MtRun unknown = MtRun.of("Get-Help", "Set-Nothing");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no cmdlet 'Set-Nothing'");
    }

    @org.junit.jupiter.api.Test
    void aMisspeltCmdletIsNamedNotAnUnmatchedArgument() {
        MtRun typo = MtRun.of("Set-Mailbx", "-Identity", "x");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).isEqualTo("mt: no cmdlet 'Set-Mailbx'; mt help lists the commands and cmdlets.\n");
    }

    private static String typed(CmdletParameter parameter) {
        return parameter.kind() == CmdletParameter.Kind.SWITCH ? "" : " <" + parameter.shortTypeName() + ">";
    }
}
