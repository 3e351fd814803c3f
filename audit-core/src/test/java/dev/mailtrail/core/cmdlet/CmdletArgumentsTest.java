package dev.mailtrail.core.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.core.event.NameValue;
import org.junit.jupiter.api.Test;

class CmdletArgumentsTest {
    private static final CmdletSyntax KNOWN = new CmdletSyntax(
            "Set-Mailbox",
            "",
            "Identity",
            java.util.List.of(
                    CmdletParameter.value("Identity", "MailboxIdParameter", ""),
                    CmdletParameter.bool("AuditEnabled", ""),
                    CmdletParameter.value("AuditOwner", "MultiValuedProperty", ""),
                    CmdletParameter.value("AuditLogAgeLimit", "EnhancedTimeSpan", "")));

    @Test
    void parameterNamesTakeTheCmdletsSpellingAndThePositionalValueBindsFirst() throws Exception {
        CmdletArguments arguments = arguments("Set-Mailbox alice -AUDITENABLED $false -confirm");

        assertThat(arguments.all())
                .extracting(CmdletLine.Parameter::name)
                .containsExactly("Identity", "AuditEnabled", "confirm");
        assertThat(arguments.isCommon(arguments.all().get(2))).isTrue();
        assertThat(arguments.find("auditenabled")).isNotNull();
        assertThat(arguments.requireIdentity("Set-Mailbox")).isEqualTo("alice");
    }

    @Test
    void aParameterNameMayBeCutShortWhileItNamesOneParameterOnly() throws Exception {
        CmdletArguments arguments = arguments("Set-Mailbox -Ident alice -AuditLog 365 -auditO HardDelete");
        assertThat(arguments.all())
                .extracting(CmdletLine.Parameter::name)
                .containsExactly("Identity", "AuditLogAgeLimit", "AuditOwner");

        assertThatThrownBy(() -> arguments("Set-Mailbox -Identity alice -Audit $true"))
                .isInstanceOf(CmdletException.class)
                .hasMessageContaining("Parameter cannot be processed because the parameter name 'Audit' is ambiguous."
                        + " Possible matches include: -AuditEnabled -AuditLogAgeLimit -AuditOwner.");
    }

    @Test
    void booleansBindAsPowerShellBindsThem() throws Exception {
        assertThatThrownBy(() -> arguments("Set-Mailbox -Identity a -AuditEnabled"))
                .isInstanceOf(CmdletException.class)
                .hasMessageStartingWith("Missing an argument for parameter 'AuditEnabled'. Specify a parameter of type"
                        + " 'System.Boolean' and try again.");
        assertThatThrownBy(() -> arguments("Set-Mailbox -Identity a -AuditEnabled maybe"))
                .isInstanceOf(CmdletException.class)
                .hasMessageStartingWith("Cannot process argument transformation on parameter 'AuditEnabled'. Cannot"
                        + " convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only"
                        + " Boolean values and numbers, such as $True, $False, 1 or 0.");

        for (String yes : new String[] {"$true", "True", "1", "'true'"}) {
            CmdletArguments args = arguments("Set-Mailbox -AuditEnabled " + yes);
            assertThat(args.bool(args.find("AuditEnabled"))).as(yes).isTrue();
        }
        for (String no : new String[] {"$false", "FALSE", "0", "$False"}) {
            CmdletArguments args = arguments("Set-Mailbox -AuditEnabled:" + no);
            assertThat(args.bool(args.find("AuditEnabled"))).as(no).isFalse();
        }
    }

    @Test
    void aListIsNotASingleValue() throws Exception {
        CmdletArguments arguments = arguments("Set-Mailbox -AuditLogAgeLimit 1,2");

        assertThatThrownBy(() -> arguments.scalar(arguments.find("AuditLogAgeLimit")))
                .isInstanceOf(CmdletException.class)
                .hasMessageContaining("(1;2) to a single value");
    }

    @Test
    void recordParametersRenderBooleansListsAndTablesAsExchangeShowsThem() throws Exception {
        CmdletArguments arguments = arguments(
                "Set-Mailbox -Identity 'a b' -AuditEnabled:$false -AuditOwner HardDelete,'SoftDelete' -Confirm");

        assertThat(arguments.recordParameters())
                .containsExactly(
                        new NameValue("Identity", "a b"),
                        new NameValue("AuditEnabled", "False"),
                        new NameValue("AuditOwner", "HardDelete;SoftDelete"),
                        new NameValue("Confirm", "True"));
        CmdletArguments table = arguments("Set-Mailbox -AuditOwner @{Add=A,'B'; Remove=$null}");
        assertThat(table.recordParameters())
                .containsExactly(new NameValue("AuditOwner", "@{Add=\"A\",\"B\"; Remove=}"));
    }

    @Test
    void anUnknownNameIsRefusedWithItsPosition() throws Exception {
        CmdletLine line = CmdletParser.parse("Set-Mailbox -Identity a -Frobnicate");

        assertThatThrownBy(() -> new CmdletArguments(line, KNOWN))
                .isInstanceOf(CmdletException.class)
                .hasMessageStartingWith("A parameter cannot be found that matches parameter name 'Frobnicate'.")
                .hasMessageContaining("char:25");
    }

    private static CmdletArguments arguments(String line) throws Exception {
        return new CmdletArguments(CmdletParser.parse(line), KNOWN);
    }
}
