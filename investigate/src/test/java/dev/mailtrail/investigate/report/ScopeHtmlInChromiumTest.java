package dev.mailtrail.investigate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.investigate.importer.synthetic.BecCase;
import dev.mailtrail.investigate.scope.AttackerHints;
import dev.mailtrail.investigate.scope.Scope;
import dev.mailtrail.investigate.scope.ScopeAnalysis;
import dev.mailtrail.investigate.scope.ScopeQuery;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: Chromium from Debian's packages, headless, dumps the DOM after the page ran.
 * Skipped, saying so, only where Chromium is not installed.
 */
class ScopeHtmlInChromiumTest {
    private static final Pattern STATEMENT = Pattern.compile("<p id=\"scope-statement\">(.*?)</p>", Pattern.DOTALL);
    private static final Pattern TIMELINE_ROW = Pattern.compile("<tr class=\"timeline-row\"");

    @TempDir
    Path dir;

    @Test
    void theReportRendersItsTimelineAndStatesTheSameScopeAsTheJson() throws Exception {
        Path chromium = chromium();
        Scope scope = new ScopeAnalysis()
                .analyse(
                        BecCase.withForwardingRule().records(),
                        new ScopeQuery(
                                BecCase.VICTIM,
                                null,
                                null,
                                new AttackerHints(Set.of(BecCase.ATTACKER_IP), Set.of(), Set.of())));
        String dom = render(chromium, scope);

        assertThat(TIMELINE_ROW.matcher(dom).results().count())
                .isEqualTo(scope.timeline().size())
                .isEqualTo(2);
        assertThat(dom).contains("forwards to payments@evil.example");
        String json = new ScopeJson().toJson(scope);
        assertThat(text(statement(dom)))
                .isEqualTo(new ObjectMapper().readTree(json).get("statement").asText());
    }

    @Test
    void aScriptInASubjectOrARuleNameStaysText() throws Exception {
        Path chromium = chromium();
        Scope scope = HostileCase.scope();

        String dom = render(chromium, scope);

        // The page's own script ran (it leaves the title alone); the subject's did not, and no element came of it.
        assertThat(dom).contains("<title>Scope of alice@contoso.com — MailTrail</title>");
        assertThat(dom).doesNotContain("pwned</title>").doesNotContain("<img src=\"x\"");
        assertThat(Pattern.compile("<script").matcher(dom).results().count()).isEqualTo(1);
        assertThat(dom).contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;");
        assertThat(text(statement(dom))).isEqualTo(scope.statement());
    }

    private String render(Path chromium, Scope scope) throws IOException, InterruptedException {
        Path report = dir.resolve("report.html");
        try (Writer out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            new ScopeHtml().write(scope, out);
        }
        Process browser = new ProcessBuilder(
                        chromium.toString(),
                        "--headless",
                        "--disable-gpu",
                        "--no-sandbox",
                        "--user-data-dir=" + dir.resolve("profile"),
                        "--dump-dom",
                        report.toUri().toString())
                .redirectError(dir.resolve("chromium.log").toFile())
                .start();
        byte[] dom = browser.getInputStream().readAllBytes();
        assertThat(browser.waitFor(120, TimeUnit.SECONDS))
                .as("chromium finished")
                .isTrue();
        assertThat(browser.exitValue())
                .as("chromium's exit status; its log: %s", Files.readString(dir.resolve("chromium.log")))
                .isZero();
        return new String(dom, StandardCharsets.UTF_8);
    }

    private static String statement(String dom) {
        Matcher matcher = STATEMENT.matcher(dom);
        assertThat(matcher.find()).as("the DOM has the scope statement").isTrue();
        return matcher.group(1);
    }

    /** Element text as the DOM serialiser escapes it, back to the text. */
    private static String text(String serialised) {
        return serialised
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", "\u00a0")
                .replace("&amp;", "&");
    }

    private static Path chromium() {
        Optional<Path> found = Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
        assumeTrue(
                found.isPresent(),
                "Chromium is not installed (apt-get install chromium): the HTML report is not checked in a browser");
        return found.get();
    }
}
