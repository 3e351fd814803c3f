package dev.mailtrail.proxy.managesieve.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A script is the attacker's text: whatever it holds, reading it as rules ends in rules or in a
 * {@link SieveSyntaxException} naming a line, never in another exception, and every rule keeps a bounded text.
 */
class SieveParserPropertyTest {

    @Provide
    Arbitrary<String> sieveish() {
        Arbitrary<String> pieces = Arbitraries.of(
                "require ",
                "if ",
                "elsif ",
                "else ",
                "anyof",
                "allof",
                "not ",
                "header ",
                "address ",
                "body ",
                "size ",
                ":contains ",
                ":over ",
                ":copy ",
                ":flags ",
                "redirect ",
                "fileinto ",
                "discard",
                "stop",
                "vacation ",
                "\"subject\"",
                "\"a@evil.example\"",
                "\"\\\\Seen\"",
                "\"unterminated",
                "[",
                "]",
                ",",
                "(",
                ")",
                "{",
                "}",
                ";",
                "100K",
                "99999999999999999999",
                "text:\r\n",
                ".\r\n",
                "# rule:[x]\n",
                "/*",
                "*/",
                " ",
                "\n",
                "é");
        return Arbitraries.oneOf(
                pieces.list().ofMaxSize(80).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(200));
    }

    @Property(tries = 2000)
    void anyScriptReadsAsRulesOrAsASyntaxErrorWithItsLine(@ForAll("sieveish") String script) {
        try {
            List<InboxRule> rules = InboxRules.of("s", script, Set.of("contoso.com"));
            assertThat(rules).allMatch(r -> r.source().length() <= 1001);
        } catch (SieveSyntaxException e) {
            assertThat(e.getMessage()).startsWith("line ");
        }
    }
}
