package dev.mailtrail.store.anchor;

import java.util.List;

/**
 * What holding a log against its digests found.
 *
 * @param digests complete digests whose signature verified
 * @param anchors chain anchors checked against the log
 * @param consistentThrough the last digest the whole log is still consistent with (0 when none)
 * @param latest the last digest given
 * @param notes what is worth saying and is not tampering: a torn last digest (a crash), records not yet anchored
 * @param findings what is wrong, first record affected named
 */
public record AnchorReport(
        long digests,
        long anchors,
        long consistentThrough,
        long latest,
        List<String> notes,
        List<AnchorFinding> findings) {
    public AnchorReport {
        notes = List.copyOf(notes);
        findings = List.copyOf(findings);
    }

    public boolean intact() {
        return findings.isEmpty();
    }
}
