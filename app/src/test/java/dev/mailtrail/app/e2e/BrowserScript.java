package dev.mailtrail.app.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Playwright script of {@code e2e/NAME/} run by node against Debian's Chromium: where it is, whether the machine can
 * run it (a test is skipped, saying what to install, when not), and one run of it with its output.
 *
 * @param directory the script's directory (with its {@code node_modules})
 * @param script the script's file name
 * @param setup what to run to install what it needs, for the skip message
 */
public record BrowserScript(Path directory, String script, String setup) {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** The repository's {@code e2e/NAME} directory holding {@code script}, found above the module the tests run in. */
    public static BrowserScript of(String name, String script, String setup) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("e2e").resolve(name);
            if (Files.isRegularFile(candidate.resolve(script))) {
                return new BrowserScript(candidate, script, setup);
            }
        }
        throw new IllegalStateException(
                "e2e/" + name + "/" + script + " not found above " + Path.of("").toAbsolutePath());
    }

    /** Skips the calling test, saying what to install, when Chromium, node or the npm packages are missing. */
    public void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed: " + setup);
        Assumptions.assumeTrue(onPath("node"), "node is not installed: " + setup);
        Assumptions.assumeTrue(nodeMajorVersion() >= 20, "playwright-core needs node 20 or newer: " + setup);
        Assumptions.assumeTrue(
                Files.isDirectory(directory.resolve("node_modules/playwright-core")),
                "playwright-core is not installed: " + setup);
    }

    /**
     * Runs the script with {@code arguments} (then {@code --chromium}); returns what it printed, or throws naming its
     * exit status and output.
     */
    public String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("node", directory.resolve(script).toString()));
        command.addAll(arguments);
        command.addAll(List.of("--chromium", CHROMIUM.toString()));
        Process p = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(script + " did not finish: " + out);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("the browser script failed (exit " + p.exitValue() + "): " + out);
        }
        return out;
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
}
