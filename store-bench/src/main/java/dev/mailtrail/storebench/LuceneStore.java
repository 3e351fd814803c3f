package dev.mailtrail.storebench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Lucene: one document per record, AuditData as a stored field, the search columns as exact terms (message ids
 * too, one term each), creation time as points plus doc values. A batch is durable either by an index commit
 * after every batch, which fsyncs a new small segment, or by a {@link Journal} fsynced before the batch is indexed,
 * with index commits far apart. Background merges keep the segment count down.
 */
final class LuceneStore implements AuditStore {
    private static final Set<String> HIT_FIELDS = Set.of("seq", "audit_data");

    private final Directory directory;
    private final IndexWriter writer;
    private final ExecutorService threads;
    private final int indexingThreads;
    private final Journal journal;
    private final int batchesPerCommit;
    private int uncommittedBatches;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    /**
     * @param journal where batches become durable, the index committing every {@code batchesPerCommit}; or null,
     *     and the index commits every batch
     */
    LuceneStore(
            Path dir, int indexingThreads, Lucene104Codec.Mode storedFieldsMode, Journal journal, int batchesPerCommit)
            throws IOException {
        this.indexingThreads = indexingThreads;
        this.journal = journal;
        this.batchesPerCommit = journal == null ? 1 : batchesPerCommit;
        this.threads = Executors.newFixedThreadPool(Math.max(2, indexingThreads));
        this.directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setCodec(new Lucene104Codec(storedFieldsMode))
                .setRAMBufferSizeMB(128);
        this.writer = new IndexWriter(directory, config);
    }

    @Override
    public void append(List<BenchRecord> batch) throws Exception {
        if (journal != null) {
            journal.append(batch);
        }
        int slice = (batch.size() + indexingThreads - 1) / indexingThreads;
        List<Future<Void>> added = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += slice) {
            List<BenchRecord> part = batch.subList(from, Math.min(batch.size(), from + slice));
            added.add(threads.submit(() -> {
                for (BenchRecord record : part) {
                    writer.addDocument(document(record));
                }
                return null;
            }));
        }
        for (Future<Void> part : added) {
            part.get();
        }
        if (++uncommittedBatches >= batchesPerCommit) {
            commit();
        }
    }

    private void commit() throws IOException {
        writer.commit();
        uncommittedBatches = 0;
        if (journal != null) {
            journal.truncate();
        }
    }

    @Override
    public void finishIngest() throws IOException {
        commit();
        // background merges are part of the cost of ingest: wait for them, as DuckDB and SQLite checkpoint
        ((ConcurrentMergeScheduler) writer.getConfig().getMergeScheduler()).sync();
        reopen();
    }

    @Override
    public boolean compact() throws IOException {
        writer.forceMerge(1);
        writer.commit();
        reopen();
        return true;
    }

    @Override
    public List<Hit> newestOfMailbox(String mailbox, long from, long to, int limit) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("mailbox", mailbox)), Occur.FILTER)
                .add(LongField.newRangeQuery("time", from, to - 1), Occur.FILTER)
                .build();
        Sort newestFirst = new Sort(
                LongField.newSortField("time", true, SortedNumericSelector.Type.MIN),
                new SortField("seq", SortField.Type.LONG, true));
        return hits(searcher.search(query, limit, newestFirst).scoreDocs);
    }

    @Override
    public Map<String, Long> countByOperation(long from, long to) throws IOException {
        return searcher.search(LongField.newRangeQuery("time", from, to - 1), new OperationCounts());
    }

    @Override
    public List<Hit> findMessageId(String messageId, Lookup lookup) throws IOException {
        Query query = new TermQuery(new Term("message_id", messageId));
        List<Hit> hits = hits(searcher.search(query, Math.max(1, searcher.count(query))).scoreDocs);
        hits.sort(Comparator.comparingLong(Hit::seq));
        return hits;
    }

    @Override
    public Set<Lookup> lookups() {
        return Set.of(Lookup.INDEXED);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
        writer.close();
        directory.close();
        threads.shutdown();
        if (journal != null) {
            journal.close();
        }
    }

    private static Document document(BenchRecord record) {
        Document document = new Document();
        document.add(new StoredField("seq", record.seq()));
        document.add(new NumericDocValuesField("seq", record.seq()));
        document.add(new LongField("time", record.creationTime(), Field.Store.NO));
        document.add(new IntField("record_type", record.recordType(), Field.Store.NO));
        document.add(new KeywordField("operation", record.operation(), Field.Store.NO));
        document.add(new StringField("user_id", record.userId(), Field.Store.NO));
        document.add(new StringField("mailbox", record.mailbox(), Field.Store.NO));
        document.add(new StringField("client_ip", record.clientIp(), Field.Store.NO));
        document.add(new StringField("session_id", record.sessionId(), Field.Store.NO));
        for (String messageId : record.messageIds()) {
            document.add(new StringField("message_id", messageId, Field.Store.NO));
        }
        document.add(new StoredField("audit_data", record.auditData()));
        return document;
    }

    private void reopen() throws IOException {
        if (reader != null) {
            reader.close();
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader, threads);
    }

    private List<Hit> hits(ScoreDoc[] docs) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            Document fields = stored.document(doc.doc, HIT_FIELDS);
            hits.add(new Hit(fields.getField("seq").numericValue().longValue(), fields.get("audit_data")));
        }
        return hits;
    }

    /** Counts the matching documents by their Operation term, through the operation field's doc values. */
    private static final class OperationCounts implements CollectorManager<OperationCounts.Counter, Map<String, Long>> {
        @Override
        public Counter newCollector() {
            return new Counter();
        }

        @Override
        public Map<String, Long> reduce(Collection<Counter> counters) {
            Map<String, Long> total = new HashMap<>();
            counters.forEach(counter -> counter.counts.forEach((operation, n) -> total.merge(operation, n, Long::sum)));
            return total;
        }

        static final class Counter implements Collector {
            private final Map<String, Long> counts = new HashMap<>();

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                SortedSetDocValues operations = DocValues.getSortedSet(context.reader(), "operation");
                long[] byOrd = new long[(int) operations.getValueCount()];
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {}

                    @Override
                    public void collect(int doc) throws IOException {
                        if (operations.advanceExact(doc)) {
                            byOrd[(int) operations.nextOrd()]++;
                        }
                    }

                    @Override
                    public void finish() throws IOException {
                        for (int ord = 0; ord < byOrd.length; ord++) {
                            if (byOrd[ord] > 0) {
                                counts.merge(operations.lookupOrd(ord).utf8ToString(), byOrd[ord], Long::sum);
                            }
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
