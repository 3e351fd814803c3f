package dev.mailtrail.demo.dovecot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The throwaway Dovecots of earlier demos that never reached their {@code close}: {@code kill -9} of {@code mt
 * demo} leaves its Dovecot running (it is a child that outlives its parent) and its work directory in the
 * temporary directory. Each work directory carries a marker naming the process that started it and the Dovecot,
 * each by process id and start time so that a reused id is never mistaken for them. The next start stops a
 * Dovecot whose starter is gone and removes its directory; a directory whose starter still runs (a second demo, a
 * test) is left alone, and so is one without a marker, which this code did not make.
 */
final class LeftoverDovecots {

    static final String PREFIX = "mailtrail-dovecot-";
    static final String MARKER = "mailtrail-demo.pids";

    private LeftoverDovecots() {}

    /** Records, in {@code work}, this process as the starter and {@code dovecot} as the server to stop. */
    static void mark(Path work, ProcessHandle dovecot) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(
                work.resolve(MARKER),
                "starter " + self.pid() + " " + started(self) + "\n" + "dovecot " + dovecot.pid() + " "
                        + started(dovecot) + "\n",
                StandardCharsets.US_ASCII);
    }

    /**
     * Stops the Dovecot of each work directory under {@code temporary} whose starter is gone and removes the
     * directory; returns one line per directory cleaned.
     */
    static List<String> clean(Path temporary) {
        List<String> done = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(temporary, PREFIX + "*")) {
            for (Path dir : dirs) {
                cleanOne(dir).ifPresent(done::add);
            }
        } catch (IOException e) {
            done.add("could not look for earlier demos' Dovecots in " + temporary + ": " + e.getMessage());
        }
        return done;
    }

    private static Optional<String> cleanOne(Path dir) {
        Path marker = dir.resolve(MARKER);
        List<String> lines;
        try {
            lines = Files.isRegularFile(marker) ? Files.readAllLines(marker, StandardCharsets.US_ASCII) : List.of();
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> starter = running(lines, "starter");
        if (lines.isEmpty() || starter.isPresent()) {
            return Optional.empty();
        }
        String stopped = "";
        Optional<ProcessHandle> dovecot = running(lines, "dovecot");
        if (dovecot.isPresent()) {
            ProcessHandle d = dovecot.get();
            d.destroy();
            try {
                d.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                d.destroyForcibly();
            }
            stopped = "stopped Dovecot (pid " + d.pid() + ") and ";
        }
        DovecotDemoServer.deleteQuietly(dir);
        return Optional.of(stopped + "removed " + dir + ", left by an earlier demo that did not stop cleanly");
    }

    /** The process a marker line names, when it still runs and started when the marker says. */
    private static Optional<ProcessHandle> running(List<String> lines, String role) {
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f.length == 3 && f[0].equals(role) && f[1].matches("\\d{1,10}")) {
                return ProcessHandle.of(Long.parseLong(f[1]))
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> started(p).equals(f[2]));
            }
        }
        return Optional.empty();
    }

    private static String started(ProcessHandle p) {
        return p.info()
                .startInstant()
                .map(Instant::toEpochMilli)
                .map(String::valueOf)
                .orElse("unknown");
    }
}
