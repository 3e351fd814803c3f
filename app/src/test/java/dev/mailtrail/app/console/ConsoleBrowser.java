package dev.mailtrail.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code e2e/console/console.mjs}: Playwright driving Debian's Chromium through the console as a responder and
 * as a View-Only member; answers what the script saw (its {@code result:} line).
 */
final class ConsoleBrowser {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
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

    /** The repository's {@code e2e/console} directory, found above the module the tests run in. */
    static Path directory() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("e2e/console");
            if (Files.isRegularFile(candidate.resolve("console.mjs"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "e2e/console/console.mjs not found above " + Path.of("").toAbsolutePath());
    }

    /** Skips the calling test, saying what to install, when Chromium, node or the npm packages are missing. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed: " + SETUP);
        Assumptions.assumeTrue(nodeMajorVersion() >= 20, "playwright-core needs node 20 or newer: " + SETUP);
        Assumptions.assumeTrue(
                Files.isDirectory(directory().resolve("node_modules/playwright-core")),
                "playwright-core is not installed: " + SETUP);
    }

    private static int nodeMajorVersion() {
        try {
            Process p = new ProcessBuilder("node", "-p", "process.versions.node.split('.')[0]")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? Integer.parseInt(out) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Plays {@code plan} against the console at {@code url}; screenshots into {@code screenshots}. */
    static JsonNode play(String url, Plan plan, Path screenshots) throws IOException, InterruptedException {
        List<String> command = List.of(
                "node",
                directory().resolve("console.mjs").toString(),
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
                "--chromium",
                CHROMIUM.toString(),
                "--screenshots",
                screenshots.toString());
        Process p = new ProcessBuilder(command)
                .directory(directory().toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the console script did not finish: " + out);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("the console script failed (exit " + p.exitValue() + "): " + out);
        }
        String result = out.lines()
                .filter(l -> l.startsWith("result: "))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the console script printed no result: " + out));
        return new ObjectMapper().readTree(result.substring("result: ".length()));
    }
}
