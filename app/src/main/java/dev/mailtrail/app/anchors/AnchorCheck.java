package dev.mailtrail.app.anchors;

import dev.mailtrail.store.anchor.AnchorFinding;
import dev.mailtrail.store.anchor.AnchorReport;
import dev.mailtrail.store.anchor.AnchorVerifier;
import dev.mailtrail.store.anchor.AnchorWriter;
import dev.mailtrail.store.anchor.VerificationKey;
import dev.mailtrail.store.log.LuceneAuditLog;
import dev.mailtrail.store.log.LucenePresentLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The anchors half of {@code mt verify}: the stores of a data directory held against the digests given. */
public final class AnchorCheck {
    private AnchorCheck() {}

    /**
     * Prints a summary line, a line per finding and a line per note; true when nothing is wrong.
     *
     * @param key the verification key file; without it the copy in the anchors directory is used, and said so
     */
    public static boolean run(Path data, List<String> stores, Path anchors, Path key, PrintWriter out)
            throws IOException {
        if (!Files.isDirectory(anchors)) {
            throw new IOException(anchors + ": no such anchors directory");
        }
        Path keyFile = key != null ? key : anchors.resolve(AnchorWriter.KEY_FILE);
        if (key == null) {
            out.println("anchors: checking with the key found in " + keyFile
                    + " (give --key FILE to check with a key kept apart)");
        }
        VerificationKey verification = VerificationKey.read(keyFile);
        Map<String, LuceneAuditLog> open = new HashMap<>();
        try {
            for (String store : stores) {
                Path path = data.resolve(store);
                if (Files.exists(path)) {
                    open.put(store, LuceneAuditLog.openForSearch(path));
                }
            }
            AnchorReport report = AnchorVerifier.verify(anchors, verification, new LucenePresentLog(open));
            out.println("anchors: " + (report.intact() ? "consistent" : "NOT CONSISTENT") + " — "
                    + report.digests() + " signed digests (last " + report.latest() + "), " + report.anchors()
                    + " chain anchors checked"
                    + (report.intact() ? "" : ", log consistent through digest " + report.consistentThrough()));
            for (AnchorFinding finding : report.findings()) {
                out.println("  " + finding);
            }
            for (String note : report.notes()) {
                out.println("  note: " + note);
            }
            return report.intact();
        } finally {
            for (LuceneAuditLog log : open.values()) {
                log.close();
            }
        }
    }
}
