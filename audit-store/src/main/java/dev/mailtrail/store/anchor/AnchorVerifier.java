package dev.mailtrail.store.anchor;

import dev.mailtrail.store.anchor.AnchorFinding.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proves a present log consistent with every digest given, as a Certificate Transparency client checks a log
 * against the signed tree heads it has seen. Each anchor (chain, position, head hash) must still be met by the
 * record stored at that position; since every record's hash covers the one before it, a matching head vouches for
 * the whole chain up to it. A deleted chain, a cut tail, a rehashed edit, a record inserted, duplicated or moved, two
 * chains swapped, a directory rebuilt without some events or rolled back: each leaves an anchor unmet, and is named
 * with the span it lies in (after the last anchor still met, up to the first one no longer met).
 */
public final class AnchorVerifier {
    private AnchorVerifier() {}

    private enum Met {
        MET,
        UNCHECKABLE,
        BEYOND,
        DIFFERS,
        GONE
    }

    private record Anchor(long digest, AnchoredChain state) {}

    public static AnchorReport verify(Path directory, VerificationKey key, PresentLog log) throws IOException {
        DigestChain digests = DigestChain.read(directory, key);
        List<String> notes = new ArrayList<>(digests.notes());
        List<AnchorFinding> findings = new ArrayList<>(digests.findings());
        Map<String, List<Anchor>> byChain = new LinkedHashMap<>();
        for (Digest digest : digests.accepted()) {
            for (AnchoredChain chain : digest.chains()) {
                List<Anchor> anchors = byChain.computeIfAbsent(chain.key(), k -> new ArrayList<>());
                if (!anchors.isEmpty()) {
                    historyCheck(anchors.getLast(), new Anchor(digest.sequence(), chain), findings);
                }
                anchors.add(new Anchor(digest.sequence(), chain));
            }
        }
        long checked = 0;
        long firstUnmetDigest = Long.MAX_VALUE;
        for (List<Anchor> anchors : byChain.values()) {
            anchors.sort(
                    Comparator.comparingLong((Anchor a) -> a.state().position()).thenComparingLong(Anchor::digest));
            AnchoredChain first = anchors.getFirst().state();
            Optional<PresentLog.PresentChain> present = log.chain(first.log(), first.chain());
            Anchor lastMet = null;
            for (Anchor anchor : anchors) {
                checked++;
                Met met = present.isEmpty() ? Met.GONE : met(log, anchor.state(), present.get());
                if (met == Met.MET || met == Met.UNCHECKABLE) {
                    lastMet = met == Met.MET ? anchor : lastMet;
                    continue;
                }
                firstUnmetDigest = Math.min(firstUnmetDigest, firstUnmet(anchors, anchor));
                findings.add(finding(met, anchor, lastMet, present));
                break;
            }
            if (present.isPresent() && lastMet == anchors.getLast()) {
                long after =
                        present.get().lastPosition() - anchors.getLast().state().position();
                if (after > 0) {
                    notes.add(first.log() + " " + first.chain() + ": " + after
                            + " records after the last digest anchors it (not yet anchored)");
                }
            }
        }
        unanchoredChains(log, byChain.keySet(), notes);
        long latestAccepted =
                digests.accepted().isEmpty() ? 0 : digests.accepted().getLast().sequence();
        long consistent = firstUnmetDigest == Long.MAX_VALUE ? latestAccepted : firstUnmetDigest - 1;
        if (firstUnmetDigest != Long.MAX_VALUE) {
            findings.add(new AnchorFinding(
                    Kind.ROLLED_BACK,
                    "the log",
                    consistent == 0
                            ? "it is consistent with none of the digests: rebuilt or replaced"
                            : "it is consistent with digests up to " + consistent + " and not with digest "
                                    + firstUnmetDigest + " onwards: changed since, or rolled back to an older copy"));
        }
        return new AnchorReport(digests.accepted().size(), checked, consistent, digests.latest(), notes, findings);
    }

    /** The earliest digest that anchors this chain at or past the unmet position: from there on it is unmet. */
    private static long firstUnmet(List<Anchor> anchors, Anchor unmet) {
        return anchors.stream()
                .filter(a -> a.state().position() >= unmet.state().position())
                .mapToLong(Anchor::digest)
                .min()
                .orElse(unmet.digest());
    }

    private static Met met(PresentLog log, AnchoredChain anchor, PresentLog.PresentChain present) throws IOException {
        long position = anchor.position();
        if (position == 0) {
            return Met.MET;
        }
        if (position < present.purgedThrough()) {
            return Met.UNCHECKABLE;
        }
        if (position == present.purgedThrough()) {
            return Arrays.equals(present.purgedHash(), anchor.head()) ? Met.MET : Met.DIFFERS;
        }
        if (position > present.lastPosition()) {
            return Met.BEYOND;
        }
        List<byte[]> hashes = log.hashesAt(anchor.log(), anchor.chain(), position);
        return hashes.size() == 1 && Arrays.equals(hashes.getFirst(), anchor.head()) ? Met.MET : Met.DIFFERS;
    }

    private static AnchorFinding finding(
            Met met, Anchor anchor, Anchor lastMet, Optional<PresentLog.PresentChain> present) {
        AnchoredChain state = anchor.state();
        String subject = state.log() + " " + state.chain();
        long from = lastMet == null ? 1 : lastMet.state().position() + 1;
        String since = lastMet == null
                ? "no earlier anchor of it is met"
                : "digest " + lastMet.digest() + " still holds at position "
                        + lastMet.state().position();
        return switch (met) {
            case GONE ->
                new AnchorFinding(
                        Kind.CHAIN_DELETED,
                        subject,
                        "digest " + anchor.digest() + " anchors it at position " + state.position()
                                + "; the log holds nothing of it");
            case BEYOND ->
                new AnchorFinding(
                        Kind.TAIL_CUT,
                        subject,
                        "it ends at position "
                                + present.orElseThrow().lastPosition() + " but digest " + anchor.digest()
                                + " anchors position "
                                + state.position() + ": records from position "
                                + (present.orElseThrow().lastPosition() + 1)
                                + " on were removed (" + since + ")");
            default ->
                new AnchorFinding(
                        Kind.CHANGED,
                        subject,
                        "the record at position " + state.position()
                                + " no longer has the hash digest " + anchor.digest()
                                + " anchors; first record affected"
                                + (from == state.position()
                                        ? ": position " + from
                                        : " lies in positions " + from + " to " + state.position())
                                + " (" + since + ")");
        };
    }

    /** A chain's anchors over time: a position going back, or another head at the same one, is a rollback. */
    private static void historyCheck(Anchor before, Anchor after, List<AnchorFinding> findings) {
        AnchoredChain was = before.state();
        AnchoredChain now = after.state();
        String subject = now.log() + " " + now.chain();
        if (now.position() < was.position()) {
            findings.add(new AnchorFinding(
                    Kind.ROLLED_BACK,
                    subject,
                    "digest " + after.digest() + " anchors position "
                            + now.position() + ", behind position " + was.position() + " in digest " + before.digest()
                            + ": the store was rolled back or cut between them"));
        } else if (now.position() == was.position() && !Arrays.equals(now.head(), was.head())) {
            findings.add(new AnchorFinding(
                    Kind.ROLLED_BACK,
                    subject,
                    "digest " + after.digest()
                            + " anchors another head at position " + now.position() + " than digest " + before.digest()
                            + ": the chain was rewritten between them"));
        }
    }

    private static void unanchoredChains(PresentLog log, Set<String> anchored, List<String> notes) throws IOException {
        Set<String> logs = new TreeSet<>();
        for (String key : anchored) {
            logs.add(key.substring(0, key.indexOf(' ')));
        }
        for (String store : logs) {
            long unanchored = log.chains(store).stream()
                    .filter(chain -> !anchored.contains(store + " " + chain))
                    .count();
            if (unanchored > 0) {
                notes.add(store + ": " + unanchored + " chains no digest anchors (begun after the last digest)");
            }
        }
    }
}
