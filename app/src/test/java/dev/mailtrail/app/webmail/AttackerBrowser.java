package dev.mailtrail.app.webmail;

import dev.mailtrail.app.e2e.BrowserScript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code e2e/webmail/attacker.mjs}: Playwright driving Debian's Chromium through Roundcube as the attacker,
 * every connection to the web server coming from {@link Plan#from()}.
 */
public final class AttackerBrowser {

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

    static final BrowserScript SCRIPT = BrowserScript.of("webmail", "attacker.mjs", SETUP);

    /** The repository's {@code e2e/webmail} directory. */
    public static Path directory() {
        return SCRIPT.directory();
    }

    /** Skips the calling test, saying what to install, when Chromium, node or the npm packages are missing. */
    public static void assumeInstalled() {
        SCRIPT.assumeInstalled();
    }

    /**
     * Plays {@code plan} against Roundcube at {@code url}, screenshots into {@code screenshots}; returns the
     * script's output, or throws naming the step that failed and what it printed.
     */
    public static String play(String url, Plan plan, Path screenshots) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(
                "--url",
                url,
                "--user",
                plan.user(),
                "--password",
                plan.password(),
                "--from",
                plan.from(),
                "--screenshots",
                screenshots.toString()));
        for (String subject : plan.reads()) {
            arguments.addAll(List.of("--read", subject));
        }
        if (plan.forwardTo() != null) {
            arguments.addAll(List.of("--forward-to", plan.forwardTo()));
        }
        if (plan.sendTo() != null) {
            arguments.addAll(List.of("--send-to", plan.sendTo(), "--send-subject", plan.sendSubject()));
        }
        return SCRIPT.run(arguments);
    }
}
