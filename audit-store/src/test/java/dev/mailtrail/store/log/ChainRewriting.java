package dev.mailtrail.store.log;

import dev.mailtrail.format.auditdata.AuditDataReader;
import dev.mailtrail.store.chain.ChainHash;
import dev.mailtrail.store.chain.ChainedRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.store.FSDirectory;

/**
 * What an attacker who knows the hashing does with Lucene's own API on a stopped store: takes a chain's records,
 * changes the list (edit, cut, insert, reorder, drop), and writes the chain again from its genesis, every hash
 * recomputed and the head document rewritten, so that the store's own verify finds nothing.
 */
public final class ChainRewriting {
    private ChainRewriting() {}

    /** The AuditData JSON of each record of {@code chain}, in position order. */
    public static List<String> records(Path store, String chain) throws IOException {
        List<String> records = new ArrayList<>();
        try (FSDirectory directory = FSDirectory.open(store);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Sort byPosition =
                    new Sort(LongField.newSortField(RecordDocuments.POSITION, false, SortedNumericSelector.Type.MIN));
            for (ScoreDoc doc : searcher.search(LuceneQueries.chain(chain), Integer.MAX_VALUE, byPosition).scoreDocs) {
                records.add(searcher.storedFields().document(doc.doc).get(RecordDocuments.AUDIT_DATA));
            }
        }
        return records;
    }

    /** Replaces {@code chain} by the records {@code change} makes of its present ones, correctly re-hashed. */
    public static void rewrite(Path store, String chain, UnaryOperator<List<String>> change) throws IOException {
        List<String> changed = change.apply(new ArrayList<>(records(store, chain)));
        writeChain(store, chain, changed, true);
    }

    /** Writes {@code records} as chain {@code chain}, from its genesis, after deleting what the chain held. */
    public static void writeChain(Path store, String chain, List<String> records, boolean deleteFirst)
            throws IOException {
        AuditDataReader reader = new AuditDataReader();
        try (FSDirectory directory = FSDirectory.open(store);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            if (deleteFirst) {
                writer.deleteDocuments(new Term(RecordDocuments.CHAIN, chain));
            }
            byte[] previous = ChainHash.genesis(chain);
            long position = 0;
            for (String json : records) {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                byte[] hash = ChainHash.link(previous, bytes);
                position++;
                writer.addDocument(RecordDocuments.document(
                        parse(reader, json),
                        json,
                        1_000_000 + position,
                        chain,
                        new ChainedRecord(position, previous, hash, bytes)));
                previous = hash;
            }
            writer.addDocument(head(chain, position, previous));
            writer.commit();
        }
    }

    private static dev.mailtrail.core.record.AuditRecord parse(AuditDataReader reader, String json) {
        try {
            return reader.read(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes every document of a chain: records, head and purge mark. */
    public static void deleteChain(Path store, String chain) throws IOException {
        try (FSDirectory directory = FSDirectory.open(store);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.deleteDocuments(new Term(RecordDocuments.CHAIN, chain));
            writer.commit();
        }
    }

    /** Gives chain {@code a}'s records to {@code b} and {@code b}'s to {@code a}, each re-hashed for its new chain. */
    public static void swapChains(Path store, String a, String b) throws IOException {
        List<String> ofA = records(store, a);
        List<String> ofB = records(store, b);
        writeChain(store, a, ofB, true);
        writeChain(store, b, ofA, true);
    }

    private static Document head(String chain, long position, byte[] hash) {
        Document head = new Document();
        head.add(new StringField(RecordDocuments.KIND, RecordDocuments.KIND_HEAD, Field.Store.NO));
        head.add(new StringField(LuceneAuditLog.HEAD_OF, chain, Field.Store.NO));
        head.add(new StringField(RecordDocuments.CHAIN, chain, Field.Store.YES));
        head.add(new StoredField(RecordDocuments.MARK_POSITION, position));
        head.add(new StoredField(RecordDocuments.HASH, hash));
        return head;
    }
}
