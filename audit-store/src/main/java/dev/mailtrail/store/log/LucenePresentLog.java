package dev.mailtrail.store.log;

import dev.mailtrail.store.anchor.PresentLog;
import dev.mailtrail.store.chain.ChainHash;
import dev.mailtrail.store.chain.PurgeMark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;

/**
 * The stores of a data directory as a verifier of digests sees them, read from their last commit. A record's hash
 * is computed again from its stored bytes and the hash it links to, never taken from its stored hash field.
 */
public final class LucenePresentLog implements PresentLog {
    private static final Sort LAST_FIRST =
            new Sort(LongField.newSortField(RecordDocuments.POSITION, true, SortedNumericSelector.Type.MAX));
    private static final Set<String> LINK = Set.of(RecordDocuments.PREVIOUS_HASH, RecordDocuments.AUDIT_DATA);

    private final Map<String, LuceneAuditLog> stores;

    /** @param stores each store open for searching, by the name digests give it (its directory's name) */
    public LucenePresentLog(Map<String, LuceneAuditLog> stores) {
        this.stores = Map.copyOf(stores);
    }

    @Override
    public Optional<PresentChain> chain(String log, String chain) throws IOException {
        LuceneAuditLog store = stores.get(log);
        if (store == null) {
            return Optional.empty();
        }
        return store.read(searcher -> {
            TopDocs purge = searcher.search(LuceneQueries.purgeMark(chain), 1);
            Optional<PurgeMark> mark = purge.scoreDocs.length == 0
                    ? Optional.empty()
                    : Optional.of(PurgeMarks.mark(searcher.storedFields().document(purge.scoreDocs[0].doc)));
            TopDocs last = searcher.search(LuceneQueries.chain(chain), 1, LAST_FIRST);
            if (last.scoreDocs.length == 0 && mark.isEmpty()) {
                return Optional.empty();
            }
            long through = mark.map(PurgeMark::throughPosition).orElse(0L);
            long lastPosition = last.scoreDocs.length == 0
                    ? through
                    : searcher.storedFields()
                            .document(last.scoreDocs[0].doc, Set.of(RecordDocuments.POSITION))
                            .getField(RecordDocuments.POSITION)
                            .numericValue()
                            .longValue();
            return Optional.of(new PresentChain(
                    lastPosition, through, mark.map(PurgeMark::lastPurgedHash).orElse(new byte[0])));
        });
    }

    @Override
    public List<byte[]> hashesAt(String log, String chain, long position) throws IOException {
        LuceneAuditLog store = stores.get(log);
        if (store == null) {
            return List.of();
        }
        Query at = new BooleanQuery.Builder()
                .add(LuceneQueries.chain(chain), Occur.FILTER)
                .add(LongField.newExactQuery(RecordDocuments.POSITION, position), Occur.FILTER)
                .build();
        return store.read(searcher -> {
            List<byte[]> hashes = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(at, 16).scoreDocs) {
                Document link = searcher.storedFields().document(doc.doc, LINK);
                hashes.add(ChainHash.link(
                        PurgeMarks.bytes(link, RecordDocuments.PREVIOUS_HASH),
                        link.get(RecordDocuments.AUDIT_DATA).getBytes(StandardCharsets.UTF_8)));
            }
            return hashes;
        });
    }

    @Override
    public List<String> chains(String log) throws IOException {
        LuceneAuditLog store = stores.get(log);
        return store == null ? List.of() : store.chains();
    }
}
