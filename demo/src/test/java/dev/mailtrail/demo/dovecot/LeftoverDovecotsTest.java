package dev.mailtrail.demo.dovecot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.demo.corpus.DemoCorpus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a demo leaves its Dovecot running and its work directory behind; the next start stops that
 * Dovecot and removes the directory, and leaves a live demo's Dovecot alone.
 */
class LeftoverDovecotsTest {

    @TempDir
    Path dir;

    @Test
    void theNextStartStopsTheDovecotOfADemoKilledWithSigkillAndRemovesItsDirectory() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process demo = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), LeftBehindDemo.class.getName())
                .redirectError(dir.resolve("demo.err").toFile())
                .start();
        String[] started;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line)
                    .as("the demo process started Dovecot: %s", Files.readString(dir.resolve("demo.err")))
                    .startsWith("dovecot ");
            started = line.split(" ");
        }
        long dovecotPid = Long.parseLong(started[1]);
        Path work = Path.of(started[2]);
        demo.destroyForcibly(); // SIGKILL: no shutdown hook, no close
        assertThat(demo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        Optional<ProcessHandle> orphan = ProcessHandle.of(dovecotPid).filter(ProcessHandle::isAlive);
        assertThat(orphan).as("Dovecot outlives the killed demo").isPresent();
        assertThat(work).isDirectory();

        DovecotDemoServer next = DovecotDemoServer.start(0, 0, DemoCorpus.messages());
        try {
            orphan.get().onExit().get(15, TimeUnit.SECONDS);
            assertThat(orphan.get().isAlive()).isFalse();
            assertThat(work).doesNotExist();
            assertThat(next.workDirectory())
                    .as("the new demo's own Dovecot, started by a live process, is not touched by a later start")
                    .isDirectory();
            assertThat(LeftoverDovecots.clean(next.workDirectory().getParent()))
                    .noneMatch(l -> l.contains(next.workDirectory().toString()));
            assertThat(ProcessHandle.of(next.pid()).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            next.close();
        }
    }

    @Test
    void aDirectoryWithoutAMarkerIsNotOurs() throws Exception {
        Path foreign = Files.createDirectory(dir.resolve(LeftoverDovecots.PREFIX + "foreign"));
        assertThat(LeftoverDovecots.clean(dir)).isEmpty();
        assertThat(foreign).isDirectory();
    }

    @Test
    void aMarkerWhoseStarterIsGoneAndWhoseDovecotIdWasReusedRemovesTheDirectoryButKillsNothing() throws Exception {
        Path left = Files.createDirectory(dir.resolve(LeftoverDovecots.PREFIX + "old"));
        long self = ProcessHandle.current().pid();
        Files.writeString(left.resolve(LeftoverDovecots.MARKER), "starter 999999999 1\ndovecot " + self + " 1\n");
        assertThat(LeftoverDovecots.clean(dir)).singleElement().asString().startsWith("removed " + left);
        assertThat(left).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }
}
