package dev.mailtrail.core.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.mailtrail.core.cmdlet.CmdletValue.ListOf;
import dev.mailtrail.core.cmdlet.CmdletValue.Table;
import dev.mailtrail.core.cmdlet.CmdletValue.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class CmdletParserTest {
    @Test
    void readsTheCmdletNameAndNamedParametersInOrder() throws Exception {
        CmdletLine line = CmdletParser.parse("Set-Mailbox -Identity alice@contoso.com -AuditEnabled $true");

        assertThat(line.name()).isEqualTo("Set-Mailbox");
        assertThat(line.parameters())
                .extracting(CmdletLine.Parameter::name)
                .containsExactly("Identity", "AuditEnabled");
        assertThat(text(line, 0)).isEqualTo(new Text("alice@contoso.com", false, 23));
        assertThat(text(line, 1).isVariable()).isTrue();
        assertThat(line.positional()).isEmpty();
        assertThat(line.source()).isEqualTo("Set-Mailbox -Identity alice@contoso.com -AuditEnabled $true");
    }

    @Test
    void parameterColumnsPointAtTheDash() throws Exception {
        String source = "Set-Mailbox  -Identity x\t-AuditEnabled:$false";
        CmdletLine line = CmdletParser.parse(source);

        assertThat(line.parameters().get(0).column()).isEqualTo(source.indexOf("-Identity") + 1);
        assertThat(line.parameters().get(1).column()).isEqualTo(source.indexOf("-AuditEnabled") + 1);
    }

    @Test
    void colonBindsTheValueToTheParameter() throws Exception {
        CmdletLine line = CmdletParser.parse("Set-OrganizationConfig -AuditDisabled:$false -Confirm:$false");

        assertThat(text(line, 0).text()).isEqualTo("$false");
        assertThat(line.parameters().get(1).name()).isEqualTo("Confirm");
        assertThat(text(line, 1).text()).isEqualTo("$false");
    }

    @Test
    void aParameterFollowedByAnotherOrTheEndIsASwitch() throws Exception {
        CmdletLine line = CmdletParser.parse("Set-Mailbox -Force -Identity alice -Confirm");

        assertThat(line.parameters().get(0).value()).isNull();
        assertThat(line.parameters().get(2).value()).isNull();
        assertThat(text(line, 1).text()).isEqualTo("alice");
    }

    @Test
    void aNegativeNumberIsAValueNotAParameter() throws Exception {
        CmdletLine line = CmdletParser.parse("Set-Thing -Count -5");

        assertThat(text(line, 0).text()).isEqualTo("-5");
    }

    @Test
    void valuesWithoutAParameterArePositional() throws Exception {
        CmdletLine line = CmdletParser.parse("Set-Mailbox alice@contoso.com -AuditEnabled $false");

        assertThat(line.positional()).containsExactly(new Text("alice@contoso.com", false, 13));
    }

    @Test
    void singleQuotedStringsDoubleTheQuoteAndKeepBackticks() throws Exception {
        CmdletLine line = CmdletParser.parse("Set-Mailbox -Identity 'O''Brien `n x'");

        assertThat(text(line, 0)).isEqualTo(new Text("O'Brien `n x", true, 23));
    }

    @Test
    void doubleQuotedStringsDoubleTheQuoteOrEscapeWithABacktick() throws Exception {
        CmdletLine line = CmdletParser.parse("Set-Mailbox -Identity \"say \"\"hi\"\" `\"now`\" ``ok\"");

        assertThat(text(line, 0).text()).isEqualTo("say \"hi\" \"now\" `ok");
        assertThat(text(line, 0).quoted()).isTrue();
    }

    @Test
    void aQuotedDollarIsNotAVariable() throws Exception {
        CmdletLine line = CmdletParser.parse("Set-Mailbox -AuditEnabled '$true'");

        assertThat(text(line, 0).isVariable()).isFalse();
    }

    @Test
    void commaListsMixWordsAndStringsWithSpacesAround() throws Exception {
        CmdletLine line =
                CmdletParser.parse("Set-Mailbox -AuditOwner HardDelete , 'SoftDelete',\"Update\" -Identity a");

        assertThat(line.parameters().get(0).value())
                .asInstanceOf(type(ListOf.class))
                .extracting(ListOf::items)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .extracting("text")
                .containsExactly("HardDelete", "SoftDelete", "Update");
        assertThat(line.parameters().get(1).name()).isEqualTo("Identity");
    }

    @Test
    void arraysReadLikeCommaLists() throws Exception {
        CmdletLine line = CmdletParser.parse("Set-Mailbox -AuditOwner @( 'A', B ,\"C\" ) -AuditAdmin @()");

        assertThat(items(line.parameters().get(0).value())).containsExactly("A", "B", "C");
        assertThat(items(line.parameters().get(1).value())).isEmpty();
    }

    @Test
    void hashTablesKeepTheirKeysInOrderWithListsOrSingleValues() throws Exception {
        CmdletLine line =
                CmdletParser.parse("Set-Mailbox -AuditOwner @{ Add=\"MailboxLogin\",'Move'; \"Remove\" = Update ;}");

        Table table = (Table) line.parameters().get(0).value();
        assertThat(table.entries().keySet()).containsExactly("Add", "Remove");
        assertThat(items(table.entries().get("Add"))).containsExactly("MailboxLogin", "Move");
        assertThat(items(table.entries().get("Remove"))).containsExactly("Update");
        assertThat(table.keyColumns().get("Add")).isEqualTo(line.source().indexOf("Add") + 1);
    }

    @Test
    void anEmptyHashTableIsATable() throws Exception {
        CmdletLine line = CmdletParser.parse("Set-Mailbox -AuditOwner @{}");

        assertThat(((Table) line.parameters().get(0).value()).entries()).isEmpty();
    }

    @Test
    void anEmptyLineIsRefused() {
        assertSyntaxError("   ", "Missing cmdlet name", 4);
    }

    @Test
    void aNameThatIsNotVerbNounIsRefusedAtItsStart() {
        assertSyntaxError("  Mailbox -Identity x", "is not a cmdlet name", 3);
    }

    @Test
    void anUnterminatedStringPointsAtItsOpeningQuote() {
        String line = "Set-Mailbox -Identity \"alice";
        assertSyntaxError(line, "missing the terminator: \"", line.indexOf('"') + 1);
        String single = "Set-Mailbox -Identity 'alice''";
        assertSyntaxError(single, "missing the terminator: '", single.indexOf('\'') + 1);
    }

    @Test
    void aQuoteInsideAWordPointsAtTheQuote() {
        String line = "Set-Mailbox -Identity ali\"ce\"";
        assertSyntaxError(line, "Unexpected quote", line.indexOf('"') + 1);
    }

    @Test
    void aStrayCharacterInAParameterNamePointsAtIt() {
        String line = "Set-Mailbox -Audit-Owner x";
        assertSyntaxError(line, "in parameter name '-Audit'", line.indexOf("-Owner") + 1);
    }

    @Test
    void aColonWithoutAValuePointsPastTheColon() {
        String line = "Set-Mailbox -AuditEnabled: $true";
        assertSyntaxError(line, "Missing value after '-AuditEnabled:'", line.indexOf(':') + 2);
    }

    @Test
    void aTrailingCommaPointsWhereTheNextItemShouldBe() {
        String line = "Set-Mailbox -AuditOwner A,B,";
        assertSyntaxError(line, "Missing expression after ','", line.length() + 1);
    }

    @Test
    void arrayItemsNeedCommasAndAClosingParenthesis() {
        String missingComma = "Set-Mailbox -AuditOwner @(A B)";
        assertSyntaxError(missingComma, "Missing ','", missingComma.indexOf("B)") + 1);
        String unclosed = "Set-Mailbox -AuditOwner @(A, B";
        assertSyntaxError(unclosed, "Missing closing ')'", unclosed.indexOf('@') + 1);
    }

    @Test
    void aTrailingCommaInAnArrayIsASyntaxErrorNotACrash() {
        String cut = "Set-Mailbox -AuditOwner @(A,";
        assertSyntaxError(cut, "Missing expression after ','", cut.length() + 1);
        String closed = "Set-Mailbox -AuditOwner @(A, )";
        assertSyntaxError(closed, "Missing expression after ','", closed.indexOf(')') + 1);
    }

    @Test
    void hashTableMistakesPointAtTheOffendingToken() {
        String noEquals = "Set-Mailbox -AuditOwner @{Add \"A\"}";
        assertSyntaxError(noEquals, "Missing '=' operator after key 'Add'", noEquals.indexOf('"') + 1);
        String noValue = "Set-Mailbox -AuditOwner @{Add=; Remove=B}";
        assertSyntaxError(noValue, "Missing statement after '='", noValue.indexOf(';') + 1);
        String noSeparator = "Set-Mailbox -AuditOwner @{Add=A Remove=B}";
        assertSyntaxError(noSeparator, "expected ';' or '}'", noSeparator.indexOf("Remove") + 1);
        String duplicate = "Set-Mailbox -AuditOwner @{Add=A; add=B}";
        assertSyntaxError(duplicate, "Duplicate keys 'add'", duplicate.indexOf("add") + 1);
        String unclosed = "Set-Mailbox -AuditOwner @{Add=A";
        assertSyntaxError(unclosed, "Missing closing '}'", unclosed.indexOf('@') + 1);
    }

    @Test
    void aListMayNotHoldTablesOrArrays() {
        String line = "Set-Mailbox -AuditOwner A,@{Add=B}";
        assertSyntaxError(line, "A list may hold only words and strings", line.indexOf('@') + 1);
        String nested = "Set-Mailbox -AuditOwner @(@(A))";
        assertSyntaxError(nested, "A list may hold only words and strings", nested.lastIndexOf('@') + 1);
    }

    @Test
    void aStrayPunctuationMarkIsAnUnexpectedToken() {
        String line = "Set-Mailbox -Identity alice }";
        assertSyntaxError(line, "Unexpected token '}'", line.indexOf('}') + 1);
    }

    @Test
    void aLineBreakAnywhereIsRefusedAtItsPosition() {
        String trailing = "Set-Mailbox -Identity alice@contoso.com\n -AuditOwner None";
        assertSyntaxError(trailing, "line break", trailing.indexOf('\n') + 1);
        String quoted = "Set-Mailbox -Identity 'alice\r\n'";
        assertSyntaxError(quoted, "line break", quoted.indexOf('\r') + 1);
    }

    @Test
    void anOverlongLineIsRefusedBeforeReading() {
        assertThatThrownBy(() -> CmdletParser.parse("Set-Mailbox -Identity " + "a".repeat(70_000)))
                .isInstanceOf(CmdletSyntaxException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void theMessageShowsTheLineWithACaretUnderTheColumn() {
        String line = "Set-Mailbox -Identity \"alice";

        assertThatThrownBy(() -> CmdletParser.parse(line))
                .isInstanceOf(CmdletSyntaxException.class)
                .hasMessage("The string is missing the terminator: \".\nAt line:1 char:23\n+ " + line + "\n+ "
                        + " ".repeat(22) + "~");
    }

    private static void assertSyntaxError(String line, String problem, int column) {
        assertThatThrownBy(() -> CmdletParser.parse(line)).isInstanceOfSatisfying(CmdletSyntaxException.class, e -> {
            assertThat(e.problem()).contains(problem);
            assertThat(e.column()).as("column of: %s", e.problem()).isEqualTo(column);
            assertThat(e.line()).isEqualTo(line);
        });
    }

    private static Text text(CmdletLine line, int parameter) {
        return (Text) line.parameters().get(parameter).value();
    }

    private static List<String> items(CmdletValue value) throws CmdletException {
        return CmdletArguments.listItems("Test", value).stream().map(Text::text).toList();
    }
}
