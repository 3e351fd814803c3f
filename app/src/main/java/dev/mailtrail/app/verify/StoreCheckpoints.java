package dev.mailtrail.app.verify;

import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.log.LuceneAuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What each store's last commit says it holds, for the checks that compare the journal and snapshots with it. */
final class StoreCheckpoints {
    private StoreCheckpoints() {}

    /**
     * The checkpoint of each of {@code stores} in {@code directory}, by name, in order; a store that does not exist
     * is left out, and so is one that cannot be read (the store's own check reports it).
     */
    static Map<String, Checkpoint> of(Path directory, List<String> stores) {
        Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();
        for (String store : stores) {
            Path path = directory.resolve(store);
            if (!Files.exists(path)) {
                continue;
            }
            try (LuceneAuditLog log = LuceneAuditLog.openForSearch(path)) {
                checkpoints.put(store, log.checkpoint());
            } catch (IOException e) {
                // reported by the store's own check
            }
        }
        return checkpoints;
    }
}
