package dev.mailtrail.app.webmail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code e2e/webmail/attacker.mjs}: Playwright driving Debian's Chromium through Roundcube as the attacker,
 * every connection to the web server coming from {@link Plan#from()}.
 */
public final class AttackerBrowser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String SETUP = "apt-get install chromium nodejs; (cd e2e/webmail && npm ci)";

    /** What the attacker does: log in, read these subjects, forward all mail, send one mail and delete it. */
    public record Plan(
            String user,
            String password,
            String from,
            List<String> reads,
            String forwardTo,
            String sendTo,
            String sendSubject) {}

    private AttackerBrowser() {}

    /** The repository's {@code e2e/webmail} directory, found above the module the tests run in. */
    public static Path directory() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("e2e/webmail");
            if (Files.isRegularFile(candidate.resolve("attacker.mjs"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "e2e/webmail/attacker.mjs not found above " + Path.of("").toAbsolutePath());
    }

    /** Skips the calling test, saying what to install, when Chromium, node or the npm packages are missing. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed: " + SETUP);
        Assumptions.assumeTrue(onPath("node"), "node is not installed: " + SETUP);
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

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Plays {@code plan} against Roundcube at {@code url}, screenshots into {@code screenshots}; returns the
     * script's output, or throws naming the step that failed and what it printed.
     */
    public static String play(String url, Plan plan, Path screenshots) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "node",
                directory().resolve("attacker.mjs").toString(),
                "--url",
                url,
                "--user",
                plan.user(),
                "--password",
                plan.password(),
                "--from",
                plan.from(),
                "--chromium",
                CHROMIUM.toString(),
                "--screenshots",
                screenshots.toString()));
        for (String subject : plan.reads()) {
            command.addAll(List.of("--read", subject));
        }
        if (plan.forwardTo() != null) {
            command.addAll(List.of("--forward-to", plan.forwardTo()));
        }
        if (plan.sendTo() != null) {
            command.addAll(List.of("--send-to", plan.sendTo(), "--send-subject", plan.sendSubject()));
        }
        Process p = new ProcessBuilder(command)
                .directory(directory().toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the browser script did not finish: " + out);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("the browser script failed (exit " + p.exitValue() + "): " + out);
        }
        return out;
    }
}
