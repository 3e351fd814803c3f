package dev.mailtrail.store.log;

import dev.mailtrail.store.chain.TamperFinding;
import java.util.List;

/**
 * What verifying a store found.
 *
 * @param chains how many chains were walked
 * @param records how many records were verified
 * @param purged how many chains start after a retention purge (each explained by its purge mark)
 * @param findings the first change found in each chain that has one
 * @param corruption what the engine's own checksums refused (a file changed on disk), if anything
 */
public record VerifyReport(
        long chains, long records, long purged, List<TamperFinding> findings, List<String> corruption) {
    public VerifyReport {
        findings = List.copyOf(findings);
        corruption = List.copyOf(corruption);
    }

    public boolean intact() {
        return findings.isEmpty() && corruption.isEmpty();
    }
}
