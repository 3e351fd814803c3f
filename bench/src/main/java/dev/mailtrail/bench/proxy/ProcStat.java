package dev.mailtrail.bench.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time Linux has charged to a process, from {@code /proc/<pid>/stat}: user plus system time of all its
 * threads, in clock ticks ({@code getconf CLK_TCK}, 100 on Linux), so a process outside this JVM (HAProxy,
 * Dovecot's) can be measured the same way the JVM measures itself.
 */
public final class ProcStat {
    private static final long TICKS_PER_SECOND = clockTicksPerSecond();

    private ProcStat() {}

    /**
     * {@code utime + stime} of one {@code /proc/<pid>/stat} line, in ticks. The second field, the command name, is in
     * parentheses and may itself hold spaces and parentheses, so fields are counted from the last {@code ')'}.
     */
    public static long ticks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line (no command name): " + statLine);
        }
        // after the name: state(3) ppid(4) pgrp(5) session(6) tty_nr(7) tpgid(8) flags(9) minflt(10) cminflt(11)
        // majflt(12) cmajflt(13) utime(14) stime(15)
        String[] fields = statLine.substring(close + 1).strip().split(" +");
        if (fields.length < 13) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line too short for utime and stime: " + statLine);
        }
        try {
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("utime or stime is not a number in: " + statLine, e);
        }
    }

    /** The process's CPU time so far in nanoseconds, or 0 if it has ended (its time is then no longer counted). */
    public static long cpuNanos(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (IOException gone) {
            return 0;
        }
        return ticks(line) * (TimeUnit.SECONDS.toNanos(1) / TICKS_PER_SECOND);
    }

    /** {@code getconf CLK_TCK}; 100 (what Linux uses on every common architecture) if it cannot be asked. */
    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (getconf.waitFor() == 0 && out.matches("[0-9]+") && Long.parseLong(out) > 0) {
                return Long.parseLong(out);
            }
        } catch (IOException e) {
            // no getconf: the Linux default below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
