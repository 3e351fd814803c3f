package dev.mailtrail.store.log;

import dev.mailtrail.format.auditdata.AuditDataReader;
import dev.mailtrail.store.chain.ChainHash;
import dev.mailtrail.store.chain.ChainedRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * What someone with write access to a store's files can do with Lucene itself: delete a record, change one and
 * index it again, slip one in — keeping the index valid, so that only the chains can tell.
 */
public final class StoreTampering {
    private StoreTampering() {}

    public static void deletePosition(Path store, String chain, long position) throws IOException {
        try (FSDirectory directory = FSDirectory.open(store);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.deleteDocuments(at(chain, position));
            writer.commit();
        }
    }

    /** Re-indexes the record at {@code position} with {@code from} replaced by {@code to}, its hashes kept. */
    public static void editPosition(Path store, String chain, long position, String from, String to) throws Exception {
        rewrite(store, chain, position, from, to, true);
    }

    /**
     * Adds a forged record beside the one at {@code position}: a changed copy, correctly hashed onto the same
     * predecessor, as someone who knows the hashing would make it.
     */
    public static void insertCopyOf(Path store, String chain, long position, String from, String to) throws Exception {
        rewrite(store, chain, position, from, to, false);
    }

    private static void rewrite(Path store, String chain, long position, String from, String to, boolean replace)
            throws Exception {
        Document original;
        try (FSDirectory directory = FSDirectory.open(store);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs top = searcher.search(at(chain, position), 1);
            original = searcher.storedFields().document(top.scoreDocs[0].doc);
        }
        String json = original.get(RecordDocuments.AUDIT_DATA).replace(from, to);
        byte[] previous = PurgeMarks.bytes(original, RecordDocuments.PREVIOUS_HASH);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        byte[] hash = replace ? PurgeMarks.bytes(original, RecordDocuments.HASH) : ChainHash.link(previous, bytes);
        ChainedRecord link = new ChainedRecord(position, previous, hash, bytes);
        Document changed = RecordDocuments.document(
                new AuditDataReader().read(json),
                json,
                original.getField(RecordDocuments.SEQUENCE).numericValue().longValue(),
                chain,
                link);
        try (FSDirectory directory = FSDirectory.open(store);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            if (replace) {
                writer.deleteDocuments(at(chain, position));
            }
            writer.addDocument(changed);
            writer.commit();
        }
    }

    private static Query at(String chain, long position) {
        return new BooleanQuery.Builder()
                .add(LuceneQueries.chain(chain), Occur.FILTER)
                .add(LongField.newExactQuery(RecordDocuments.POSITION, position), Occur.FILTER)
                .build();
    }
}
