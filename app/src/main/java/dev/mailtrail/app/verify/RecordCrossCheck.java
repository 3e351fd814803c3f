package dev.mailtrail.app.verify;

import dev.mailtrail.app.pipeline.JournalReplay;
import dev.mailtrail.app.pipeline.JournalReplay.Expected;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.LuceneAuditLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code mt verify}'s cross-check of journal and stores: the journal replayed into an audit core of its own must make
 * exactly the records each store holds, up to its last commit — every journaled access has its record (or was
 * suppressed, which the replay decides the same way), and nothing stored lacks its event. Records a retention purge
 * removed are the oldest of their chain, so a record missing after one still kept in its chain is a loss, not a
 * purge. Stored records a journal repair accounted for are named by their damage record.
 */
final class RecordCrossCheck {
    /** How many findings of one kind are listed before the rest are only counted. */
    static final int LISTED = 10;

    private RecordCrossCheck() {}

    /** Prints what it found; returns whether every store holds exactly what the journal makes. */
    static boolean check(Path directory, List<String> stores, PrintWriter out) {
        Map<String, Long> storedRecords = new LinkedHashMap<>();
        for (String store : stores) {
            Path path = directory.resolve(store);
            if (Files.exists(path)) {
                try (LuceneAuditLog log = LuceneAuditLog.openForSearch(path)) {
                    storedRecords.put(store, log.checkpoint().records());
                } catch (IOException e) {
                    // the store's own check reports a store that cannot be read
                }
            }
        }
        if (storedRecords.isEmpty() || !Files.isDirectory(directory.resolve(JournalCrossCheck.JOURNAL))) {
            return true;
        }
        JournalReplay.Result replay;
        try {
            replay = JournalReplay.replay(directory, storedRecords);
        } catch (IOException e) {
            out.println("records: not cross-checked — the journal cannot be read: " + e.getMessage());
            return false;
        }
        if (!replay.journal().intact() || replay.unreadable() != null) {
            out.println("records: not cross-checked with the journal — "
                    + (replay.unreadable() != null ? replay.unreadable() : "the journal is damaged (above)"));
            return replay.unreadable() == null;
        }
        boolean intact = true;
        for (Map.Entry<String, Long> store : storedRecords.entrySet()) {
            try (LuceneAuditLog log = LuceneAuditLog.openForSearch(directory.resolve(store.getKey()))) {
                intact &= compare(store.getKey(), log, replay, out);
            } catch (IOException e) {
                intact = false;
                out.println(store.getKey() + ": records cannot be read for the cross-check: " + e.getMessage());
            }
        }
        return intact;
    }

    private static boolean compare(String store, LuceneAuditLog log, JournalReplay.Result replay, PrintWriter out)
            throws IOException {
        List<Expected> expected = replay.expected().get(store);
        Set<String> lost = replay.lost();
        Map<String, FoundRecord> stored = new HashMap<>();
        log.export(found -> {
            stored.put(found.id(), found);
            return true;
        });
        int storedCount = stored.size();
        Set<String> kept = new HashSet<>();
        Map<String, List<Expected>> purgedSoFar = new LinkedHashMap<>();
        List<Expected> missing = new ArrayList<>();
        for (Expected record : expected) {
            if (stored.remove(record.id()) != null) {
                kept.add(record.chain());
            } else if (kept.contains(record.chain())) {
                missing.add(record);
            } else {
                purgedSoFar
                        .computeIfAbsent(record.chain(), c -> new ArrayList<>())
                        .add(record);
            }
        }
        Set<String> chains = new HashSet<>(log.chains());
        long purged = 0;
        for (Map.Entry<String, List<Expected>> chain : purgedSoFar.entrySet()) {
            if (kept.contains(chain.getKey()) || chains.contains(chain.getKey())) {
                purged += chain.getValue().size();
            } else {
                missing.addAll(chain.getValue());
            }
        }
        long beforeSnapshot = 0;
        for (long ordinal = 1; ordinal <= replay.recordsBefore() && !stored.isEmpty(); ordinal++) {
            beforeSnapshot += stored.remove(replay.idOf().apply(ordinal)) != null ? 1 : 0;
        }
        long accounted = stored.keySet().stream().filter(lost::contains).count();
        stored.keySet().removeAll(lost);
        boolean intact = missing.isEmpty() && stored.isEmpty();
        out.println(store + ": records " + (intact ? "match the journal" : "DIFFER from the journal") + " — "
                + expected.size() + " made by replaying it, " + storedCount + " stored"
                + (purged > 0 ? ", " + purged + " purged by retention" : "")
                + (accounted > 0 ? ", " + accounted + " accounted for by journal damage records" : "")
                + (replay.fromSnapshot() != null
                        ? "; replayed from snapshot " + replay.fromSnapshot().getFileName() + " (the journal before it"
                                + " was deleted), " + beforeSnapshot + " stored records from before it not checked"
                        : ""));
        listed(
                out,
                missing.size(),
                "journaled accesses without their record",
                missing.stream()
                        .map(r -> "record " + r.ordinal() + " " + r.id() + " " + r.operation() + " of "
                                + (r.mailbox() != null ? r.mailbox() : "the organisation") + " at " + r.creationTime()
                                + " (missing from chain " + r.chain() + ")")
                        .toList());
        listed(
                out,
                stored.size(),
                "stored records no journaled event makes",
                stored.values().stream()
                        .map(r -> r.id() + " " + r.operation() + " by " + r.userId() + " at " + r.creationTime())
                        .toList());
        return intact;
    }

    private static void listed(PrintWriter out, int count, String what, List<String> lines) {
        if (count == 0) {
            return;
        }
        out.println("  " + count + " " + what + ":");
        lines.stream().limit(LISTED).forEach(line -> out.println("    " + line));
        if (count > LISTED) {
            out.println("    … and " + (count - LISTED) + " more");
        }
    }
}
