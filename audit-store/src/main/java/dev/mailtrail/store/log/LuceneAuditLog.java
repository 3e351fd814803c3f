package dev.mailtrail.store.log;

import dev.mailtrail.store.anchor.AnchoredChain;
import dev.mailtrail.store.chain.ChainHead;
import dev.mailtrail.store.chain.ChainedRecord;
import dev.mailtrail.store.chain.PurgeMark;
import dev.mailtrail.store.chain.RecordChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded default audit log on Lucene (decision 0003): one document per record, AuditData verbatim, hash
 * chains per {@link ChainScheme}, chain heads and purge marks as documents of their own written in the same atomic
 * commit as the records. Opened for writing (one process, Lucene's {@code write.lock}) or for searching only
 * (any process, the last commit).
 */
public final class LuceneAuditLog implements AuditLogStore {
    static final String HEAD_OF = "head_of";
    static final String PURGE_OF = "purge_of";
    private static final String JOURNAL_SEQUENCE = "journal_sequence";
    private static final String RECORDS = "records";
    private static final String NEXT_SEQUENCE = "next_sequence";

    private final Path path;
    private final String anchorName;
    private final ChainScheme scheme;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, RecordChain> chains = new HashMap<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private long nextSequence;
    private Checkpoint checkpoint;
    private List<AnchoredChain> lastCommitted = List.of();

    private LuceneAuditLog(Path path, ChainScheme scheme, Directory directory, IndexWriter writer) throws IOException {
        this.path = path;
        this.anchorName = path.getFileName().toString();
        this.scheme = scheme;
        this.directory = directory;
        this.writer = writer;
        this.searchers = writer != null ? new SearcherManager(writer, null) : new SearcherManager(directory, null);
        Map<String, String> committed = committedData();
        this.nextSequence = Long.parseLong(committed.getOrDefault(NEXT_SEQUENCE, "1"));
        this.checkpoint = new Checkpoint(
                Long.parseLong(committed.getOrDefault(JOURNAL_SEQUENCE, "0")),
                Long.parseLong(committed.getOrDefault(RECORDS, "0")));
        if (writer != null) {
            loadHeads();
        }
    }

    /** Opens (creating if needed) a store for writing; fails if another process writes it. */
    public static LuceneAuditLog open(Path path, ChainScheme scheme) throws IOException {
        Files.createDirectories(path);
        Directory directory = FSDirectory.open(path);
        try {
            IndexWriterConfig config = new IndexWriterConfig(LuceneQueries.WORDS_ANALYZER)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64)
                    .setCommitOnClose(false);
            IndexWriter writer = new IndexWriter(directory, config);
            if (!DirectoryReader.indexExists(directory)) {
                writer.setLiveCommitData(Map.of(NEXT_SEQUENCE, "1", JOURNAL_SEQUENCE, "0", RECORDS, "0")
                        .entrySet());
                writer.commit();
            }
            return new LuceneAuditLog(path, scheme, directory, writer);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Opens a store's last commit for searching, alongside a process that may be writing it. */
    public static LuceneAuditLog openForSearch(Path path) throws IOException {
        Directory directory = FSDirectory.open(path);
        if (!DirectoryReader.indexExists(directory)) {
            directory.close();
            throw new NoSuchFileException(path.toString(), null, "no audit log here (nothing was ever stored)");
        }
        try {
            return new LuceneAuditLog(path, null, directory, null);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Verifies the store in {@code path} from its last commit; a store whose files Lucene refuses to open is
     * reported as corrupt, not thrown.
     */
    public static VerifyReport verify(Path path) throws IOException {
        LuceneAuditLog log;
        try {
            log = openForSearch(path);
        } catch (org.apache.lucene.index.CorruptIndexException
                | org.apache.lucene.index.IndexFormatTooOldException
                | org.apache.lucene.index.IndexFormatTooNewException e) {
            return new VerifyReport(0, 0, 0, List.of(), List.of(e.getMessage()));
        }
        try (log) {
            return log.verify();
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void appendStored(List<StoredRecord> records) throws IOException {
        requireWriter();
        for (StoredRecord stored : records) {
            String chain = scheme.chainOf(stored.record());
            RecordChain links = chains.computeIfAbsent(chain, RecordChain::start);
            ChainedRecord link = links.append(stored.auditData().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            writer.addDocument(
                    RecordDocuments.document(stored.record(), stored.auditData(), nextSequence++, chain, link));
            touched.add(chain);
        }
    }

    @Override
    public void commit(Checkpoint reached) throws IOException {
        requireWriter();
        List<AnchoredChain> committing = new ArrayList<>(touched.size());
        for (String chain : touched) {
            RecordChain links = chains.get(chain);
            Document head = new Document();
            head.add(new StringField(RecordDocuments.KIND, RecordDocuments.KIND_HEAD, Field.Store.NO));
            head.add(new StringField(HEAD_OF, chain, Field.Store.NO));
            head.add(new StringField(RecordDocuments.CHAIN, chain, Field.Store.YES));
            head.add(new StoredField(RecordDocuments.MARK_POSITION, links.lastPosition()));
            head.add(new StoredField(RecordDocuments.HASH, links.lastHash()));
            writer.updateDocument(new Term(HEAD_OF, chain), head);
            committing.add(new AnchoredChain(anchorName, chain, links.lastPosition(), links.lastHash()));
        }
        touched.clear();
        writer.setLiveCommitData(Map.of(
                        NEXT_SEQUENCE, Long.toString(nextSequence),
                        JOURNAL_SEQUENCE, Long.toString(reached.journalSequence()),
                        RECORDS, Long.toString(reached.records()))
                .entrySet());
        writer.commit();
        checkpoint = reached;
        lastCommitted = List.copyOf(committing);
        searchers.maybeRefresh();
    }

    /** The chains the last {@link #commit} changed, with their new heads: what a digest anchors. */
    public List<AnchoredChain> lastCommitted() {
        return lastCommitted;
    }

    /** Every chain this writer knows, with its head as last committed or appended: a full digest. */
    public List<AnchoredChain> heads() {
        requireWriter();
        return chains.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new AnchoredChain(
                        anchorName,
                        e.getKey(),
                        e.getValue().lastPosition(),
                        e.getValue().lastHash()))
                .toList();
    }

    /** Runs {@code work} on a searcher of the present state (for {@link LucenePresentLog}). */
    <T> T read(SearcherWork<T> work) throws IOException {
        return withSearcher(work);
    }

    @Override
    public Checkpoint checkpoint() {
        return checkpoint;
    }

    @Override
    public void refresh() throws IOException {
        searchers.maybeRefresh();
    }

    @Override
    public long search(RecordQuery query, long limit, Predicate<FoundRecord> visitor) throws IOException {
        return withSearcher(searcher -> Pages.newestFirst(searcher, LuceneQueries.records(query), limit, visitor));
    }

    @Override
    public long search(RecordQuery query, ResultPosition after, long limit, Predicate<FoundRecord> visitor)
            throws IOException {
        return withSearcher(
                searcher -> Pages.newestFirstAfter(searcher, LuceneQueries.records(query), after, limit, visitor));
    }

    @Override
    public long count(RecordQuery query) throws IOException {
        return withSearcher(searcher -> (long) searcher.count(LuceneQueries.records(query)));
    }

    @Override
    public Optional<PurgeMark> purgeMark(String chain) throws IOException {
        return withSearcher(searcher -> new LuceneChainWalk(searcher).purgeMark(chain));
    }

    @Override
    public Map<String, Long> countByOperation(RecordQuery query) throws IOException {
        return withSearcher(searcher -> searcher.search(LuceneQueries.records(query), new OperationCounts()));
    }

    @Override
    public long export(Predicate<FoundRecord> visitor) throws IOException {
        return withSearcher(searcher -> Pages.inArrivalOrder(searcher, LuceneQueries.allRecords(), visitor));
    }

    @Override
    public VerifyReport verify() throws IOException {
        searchers.maybeRefresh();
        return withSearcher(searcher -> new LuceneChainWalk(searcher).verify());
    }

    @Override
    public long purge(String chain, Instant cutoff, String policy, Instant now) throws IOException {
        requireWriter();
        searchers.maybeRefresh();
        Optional<ChainedRecord> last =
                withSearcher(searcher -> new LuceneChainWalk(searcher).lastBefore(chain, cutoff));
        if (last.isEmpty()) {
            return 0;
        }
        ChainedRecord through = last.get();
        Query purged = new BooleanQuery.Builder()
                .add(LuceneQueries.chain(chain), Occur.FILTER)
                .add(
                        LongField.newRangeQuery(RecordDocuments.POSITION, Long.MIN_VALUE, through.position()),
                        Occur.FILTER)
                .build();
        long count = withSearcher(searcher -> (long) searcher.count(purged));
        writer.deleteDocuments(purged);
        writer.updateDocument(
                new Term(PURGE_OF, chain),
                PurgeMarks.document(new PurgeMark(chain, through.position(), through.hash(), policy, now)));
        touched.add(chain);
        return count;
    }

    @Override
    public List<String> chains() throws IOException {
        return withSearcher(searcher -> new LuceneChainWalk(searcher).chainNames());
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            if (writer != null) {
                writer.rollback();
            }
        } finally {
            directory.close();
        }
    }

    private void loadHeads() throws IOException {
        withSearcher(searcher -> {
            Query heads = new TermQuery(new Term(RecordDocuments.KIND, RecordDocuments.KIND_HEAD));
            TopDocs all = searcher.search(heads, Math.max(1, searcher.count(heads)));
            for (ScoreDoc doc : all.scoreDocs) {
                Document head = searcher.storedFields().document(doc.doc);
                ChainHead state = PurgeMarks.head(head);
                chains.put(head.get(RecordDocuments.CHAIN), RecordChain.resume(state.position(), state.hash()));
            }
            return null;
        });
    }

    private Map<String, String> committedData() throws IOException {
        List<org.apache.lucene.index.IndexCommit> commits = DirectoryReader.listCommits(directory);
        return commits.isEmpty() ? Map.of() : commits.getLast().getUserData();
    }

    private void requireWriter() {
        if (writer == null) {
            throw new IllegalStateException(path + " is open for searching only");
        }
    }

    private <T> T withSearcher(SearcherWork<T> work) throws IOException {
        if (writer == null) {
            searchers.maybeRefresh();
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.run(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    @FunctionalInterface
    interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }
}
