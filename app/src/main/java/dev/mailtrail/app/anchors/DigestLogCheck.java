package dev.mailtrail.app.anchors;

import dev.mailtrail.store.anchor.DigestFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds an anchors directory against the copy of its digests a log kept ({@code mt verify --digest-log FILE}): each
 * digest is logged as {@code mailtrail digest N sha256 H} when it is written, so that a journald or syslog copy —
 * kept by another process, often on another host — names digests removed from the directory afterwards, the last
 * ones included, which the directory alone cannot show.
 */
public final class DigestLogCheck {
    private static final Pattern LINE = Pattern.compile("mailtrail digest (\\d+) sha256 ([0-9a-f]{64})");

    private DigestLogCheck() {}

    /** Prints a summary and a line per digest missing or changed; true when every logged digest is there as logged. */
    public static boolean run(Path log, Path anchors, PrintWriter out) throws IOException {
        long logged = 0;
        long wrong = 0;
        long lineNumber = 0;
        try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                Matcher m = LINE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                logged++;
                long sequence = Long.parseLong(m.group(1));
                Path file = anchors.resolve(DigestFile.name(sequence));
                String problem = null;
                if (!Files.exists(file)) {
                    problem = "MISSING from " + anchors;
                } else {
                    String hash = HexFormat.of().formatHex(DigestFile.hash(Files.readAllBytes(file)));
                    if (!hash.equals(m.group(2))) {
                        problem = "CHANGED: its sha256 is now " + hash;
                    }
                }
                if (problem != null) {
                    wrong++;
                    out.println("  digest " + sequence + " (logged at " + log + " line " + lineNumber + " with sha256 "
                            + m.group(2) + "): " + problem);
                }
            }
        }
        if (logged == 0) {
            out.println("digest log: " + log + " holds no \"mailtrail digest\" line");
            return false;
        }
        out.println("digest log: " + (wrong == 0 ? "consistent" : "NOT CONSISTENT") + " — " + logged
                + " digests logged in " + log + ", " + (logged - wrong) + " found in " + anchors + " as logged");
        return wrong == 0;
    }
}
