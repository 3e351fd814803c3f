package dev.mailtrail.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.e2e.BrowserScript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs {@code e2e/console/console.mjs}: Playwright driving Debian's Chromium through the console as a responder and
 * as a View-Only member; answers what the script saw (its {@code result:} line).
 */
final class ConsoleBrowser {
    private static final String SETUP = "apt-get install chromium nodejs npm; (cd e2e/console && npm ci)";

    /** Who signs in, and what the responder looks for. */
    record Plan(
            String user,
            String password,
            String viewer,
            String viewerPassword,
            String mailbox,
            String start,
            String end,
            String attackerSession,
            String auditOwnerAction) {}

    private ConsoleBrowser() {}

    static final BrowserScript SCRIPT = BrowserScript.of("console", "console.mjs", SETUP);

    /** The repository's {@code e2e/console} directory. */
    static Path directory() {
        return SCRIPT.directory();
    }

    /** Skips the calling test, saying what to install, when Chromium, node or the npm packages are missing. */
    static void assumeInstalled() {
        SCRIPT.assumeInstalled();
    }

    /** Plays {@code plan} against the console at {@code url}; screenshots into {@code screenshots}. */
    static JsonNode play(String url, Plan plan, Path screenshots) throws IOException, InterruptedException {
        String out = SCRIPT.run(List.of(
                "--url",
                url,
                "--user",
                plan.user(),
                "--password",
                plan.password(),
                "--viewer-user",
                plan.viewer(),
                "--viewer-password",
                plan.viewerPassword(),
                "--mailbox",
                plan.mailbox(),
                "--start",
                plan.start(),
                "--end",
                plan.end(),
                "--attacker-session",
                plan.attackerSession(),
                "--audit-owner-action",
                plan.auditOwnerAction(),
                "--screenshots",
                screenshots.toString()));
        String result = out.lines()
                .filter(l -> l.startsWith("result: "))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the console script printed no result: " + out));
        return new ObjectMapper().readTree(result.substring("result: ".length()));
    }
}
