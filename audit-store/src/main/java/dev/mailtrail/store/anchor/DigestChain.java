package dev.mailtrail.store.anchor;

import dev.mailtrail.store.anchor.AnchorFinding.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads an anchors directory and checks the digests among themselves: each signature, and each digest's link to
 * the one before it (CloudTrail's {@code validate-logs} does the same for its digest files). A missing number, a
 * link to another predecessor, a file under the wrong number or a bad signature is a finding; only digests whose
 * signature verifies are used to judge the log.
 */
final class DigestChain {
    private final List<Digest> accepted = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<AnchorFinding> findings = new ArrayList<>();
    private long latest;

    static DigestChain read(Path directory, VerificationKey key) throws IOException {
        DigestChain chain = new DigestChain();
        TreeMap<Long, Path> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.forEach(p -> {
                long sequence = DigestFile.sequenceOf(p.getFileName().toString());
                if (sequence > 0) {
                    files.put(sequence, p);
                }
            });
        }
        if (files.isEmpty()) {
            throw new IOException(directory + ": no digest files (digest-NNNNNNNNNNNN.txt) here");
        }
        chain.check(files, key);
        return chain;
    }

    private void check(TreeMap<Long, Path> files, VerificationKey key) throws IOException {
        Set<Long> torn = new TreeSet<>();
        long previousSequence = 0;
        byte[] previousHash = new byte[32];
        latest = files.lastKey();
        for (var entry : files.entrySet()) {
            long number = entry.getKey();
            String name = entry.getValue().getFileName().toString();
            DigestFile.Parsed parsed = DigestFile.parse(Files.readAllBytes(entry.getValue()));
            switch (parsed) {
                case DigestFile.Torn t -> {
                    torn.add(number);
                    if (number == latest) {
                        notes.add("digest " + number + " (" + name + ") is torn: cut short at " + t.length()
                                + " bytes while it was written (a crash), not a sign of tampering");
                    }
                }
                case DigestFile.Unreadable u ->
                    findings.add(new AnchorFinding(
                            Kind.MISSING_DIGEST,
                            "digest " + number,
                            name + " is " + u.reason() + " (replaced by something that is not a digest)"));
                case DigestFile.Complete c -> {
                    Digest digest = c.digest();
                    if (!key.verifies(c.signed(), c.signature())) {
                        findings.add(new AnchorFinding(
                                Kind.FORGED,
                                "digest " + number,
                                name
                                        + ": the signature does not verify with the key given"
                                        + (digest.keyId().equals(key.id()) ? "" : " (it names another key)")
                                        + ": forged or changed after it was signed"));
                        continue;
                    }
                    if (digest.sequence() != number) {
                        findings.add(new AnchorFinding(
                                Kind.REORDERED,
                                "digest " + number,
                                name + " holds digest " + digest.sequence() + ": files renamed or reordered"));
                    }
                    linkCheck(digest, number, previousSequence, previousHash, torn);
                    previousSequence = digest.sequence();
                    previousHash = c.fileHash();
                    accepted.add(digest);
                }
            }
        }
        if (!accepted.isEmpty() && accepted.getFirst().previousSequence() == 0 && files.firstKey() > 1) {
            findings.add(new AnchorFinding(
                    Kind.MISSING_DIGEST,
                    "digests 1 to " + (files.firstKey() - 1),
                    "no file, and the first file there is digest " + files.firstKey()));
        }
    }

    private void linkCheck(Digest digest, long number, long previousSequence, byte[] previousHash, Set<Long> torn) {
        long linked = digest.previousSequence();
        if (linked == previousSequence) {
            if (!Arrays.equals(digest.previousHash(), previousHash) && previousSequence > 0) {
                findings.add(new AnchorFinding(
                        Kind.REORDERED,
                        "digest " + number,
                        "it chains to a digest " + linked + " other than the one here: digest " + linked
                                + " was replaced"));
            }
            for (long skipped = linked + 1; skipped < number; skipped++) {
                if (torn.contains(skipped)) {
                    notes.add("digest " + skipped + " is torn (a crash while it was written); digest " + number
                            + " continues the chain from digest " + linked);
                } else {
                    findings.add(new AnchorFinding(
                            Kind.MISSING_DIGEST,
                            "digest " + skipped,
                            "no file between digest " + linked + " and digest " + number));
                }
            }
        } else if (linked > previousSequence && linked < number) {
            for (long gone = previousSequence + 1; gone <= linked; gone++) {
                findings.add(new AnchorFinding(
                        Kind.MISSING_DIGEST,
                        "digest " + gone,
                        torn.contains(gone)
                                ? "cut short after digest " + number + " chained to it: truncated, not a crash"
                                : "deleted: digest " + number + " chains to digest " + linked));
            }
        } else {
            findings.add(new AnchorFinding(
                    Kind.REORDERED,
                    "digest " + number,
                    "it chains to digest " + linked + " but follows digest " + previousSequence
                            + ": digests reordered or inserted"));
        }
    }

    List<Digest> accepted() {
        return accepted;
    }

    List<String> notes() {
        return notes;
    }

    List<AnchorFinding> findings() {
        return findings;
    }

    long latest() {
        return latest;
    }
}
