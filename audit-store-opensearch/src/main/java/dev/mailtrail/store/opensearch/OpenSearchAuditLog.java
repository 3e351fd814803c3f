package dev.mailtrail.store.opensearch;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.store.anchor.AnchoredChain;
import dev.mailtrail.store.chain.ChainedRecord;
import dev.mailtrail.store.chain.PurgeMark;
import dev.mailtrail.store.chain.RecordChain;
import dev.mailtrail.store.log.AuditLogStore;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.RecordQuery;
import dev.mailtrail.store.log.ResultPosition;
import dev.mailtrail.store.log.StoredRecord;
import dev.mailtrail.store.log.VerifyReport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One writer of an audit log in OpenSearch (decisions 0032, 0033): many writers — one per journal partition —
 * append to one log, each to the chains of its own mailboxes (a chain has one writer at a time), each with a
 * checkpoint of its own. Records are documents in the month index of their CreationTime, routed by mailbox; a
 * chain's head, the writer's state and purge marks are documents of the log's meta index ({@link LogNames}).
 *
 * <p>Appends go to OpenSearch at once in one bulk request (durable when answered: the translog is fsynced per
 * request), each record under an id made of the writer's number and its own sequence; {@link #commit} writes the
 * touched chains' heads, then the writer's state with the checkpoint, then refreshes. After a crash, a writer of
 * the same name continues from its last commit: the records it appends again (the same records in the same order)
 * take the same ids, positions and hashes, and replace the documents the crash left, so nothing is stored twice.
 * Searches and {@link #verify()} see the whole log, every writer's records.
 */
public final class OpenSearchAuditLog implements AuditLogStore {
    /** The writer {@link #open(URI, String, ChainScheme)} opens: a log with one writer. */
    public static final String SOLE_WRITER = "sole";

    private final OpenSearchHttp http;
    private final LogNames names;
    private final ChainScheme scheme;
    private final OpenSearchLogView view;
    private final Map<String, RecordChain> chains = new HashMap<>();
    private final Map<String, CommittedHead> committedHeads = new HashMap<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private final Set<String> months = new HashSet<>();
    private final Set<String> unrefreshed = new HashSet<>();
    private WriterState state;
    private long nextSequence;
    private List<AnchoredChain> lastCommitted = List.of();

    private OpenSearchAuditLog(OpenSearchHttp http, LogNames names, ChainScheme scheme, WriterState state) {
        this.http = http;
        this.names = names;
        this.scheme = scheme;
        this.view = new OpenSearchLogView(http, names);
        this.state = state;
        this.nextSequence = state.nextSequence();
    }

    /**
     * Opens writer {@code writer} (e.g. {@code p3} for partition 3) of the log named {@code log} in the cluster at
     * {@code node}, creating the log's meta index if it does not exist; month indexes are made as records need them.
     * The writer continues from its last commit; only one process may open a given writer at a time.
     */
    public static OpenSearchAuditLog open(URI node, String log, ChainScheme scheme, String writer) throws IOException {
        if (writer.isBlank()) {
            throw new IllegalArgumentException("a writer of " + log + " needs a name");
        }
        OpenSearchHttp http = new OpenSearchHttp(node);
        LogNames names = new LogNames(log);
        http.createIndex(names.meta(), LogIndex.metaDefinition(0));
        // made by this writer or by another one a moment ago: either way its shard must be up before it is read
        http.get("_cluster/health/" + names.meta() + "?wait_for_status=yellow&timeout=60s");
        return new OpenSearchAuditLog(http, names, scheme, WriterState.open(http, names, writer));
    }

    /** Opens a log that has one writer, as the embedded log is written. */
    public static OpenSearchAuditLog open(URI node, String log, ChainScheme scheme) throws IOException {
        return open(node, log, scheme, SOLE_WRITER);
    }

    /** The whole log, every writer's records, read only. */
    public static OpenSearchLogView openReader(URI node, String log) {
        return OpenSearchLogView.open(node, log);
    }

    public String writer() {
        return state.writer();
    }

    /**
     * The chain a record goes to: its mailbox's, or under {@link ChainScheme#ORGANIZATION} this writer's own
     * organisation chain ({@code unified:WRITER}; decision 0033: the unified log is chained per partition), as two
     * writers cannot append to one chain.
     */
    public String chainOf(AuditRecord record) {
        return scheme == ChainScheme.ORGANIZATION ? ownOrganizationChain() : scheme.chainOf(record);
    }

    private String ownOrganizationChain() {
        return SOLE_WRITER.equals(state.writer())
                ? ChainScheme.ORGANIZATION_CHAIN
                : ChainScheme.ORGANIZATION_CHAIN + ":" + state.writer();
    }

    @Override
    public void appendStored(List<StoredRecord> records) throws IOException {
        loadHeads(records);
        Bulk bulk = new Bulk();
        for (StoredRecord stored : records) {
            String chain = chainOf(stored.record());
            RecordChain links = chain(chain);
            ChainedRecord link = links.append(stored.auditData().getBytes(StandardCharsets.UTF_8));
            WriterSequence sequence = new WriterSequence(state.writer(), state.ordinal(), nextSequence++);
            String month = month(stored.record().creationTime());
            bulk.index(
                    month,
                    sequence.id(),
                    ChainScheme.PER_MAILBOX.chainOf(stored.record()),
                    LogIndex.record(stored.record(), stored.auditData(), sequence, chain, link));
            touched.add(chain);
        }
        bulk.send(http);
    }

    @Override
    public void commit(Checkpoint reached) throws IOException {
        Bulk heads = new Bulk();
        Map<String, CommittedHead> committing = new HashMap<>();
        List<AnchoredChain> anchored = new ArrayList<>(touched.size());
        for (String chain : touched) {
            RecordChain links = chains.get(chain);
            CommittedHead head = new CommittedHead(links.lastPosition(), links.lastHash(), nextSequence);
            HeadDocument document = new HeadDocument(chain, state.writer(), head, committedHeads.get(chain));
            heads.index(names.meta(), HeadDocument.id(chain), null, document.json());
            committing.put(chain, head);
            anchored.add(new AnchoredChain(names.log(), chain, head.position(), head.hash()));
        }
        heads.send(http);
        WriterState next = new WriterState(state.writer(), state.ordinal(), nextSequence, reached);
        next.save(http, names);
        state = next;
        committedHeads.putAll(committing);
        touched.clear();
        lastCommitted = List.copyOf(anchored);
        refresh();
    }

    @Override
    public Checkpoint checkpoint() {
        return state.checkpoint();
    }

    /** The chains the last {@link #commit} changed, with their new heads: what a digest anchors. */
    public List<AnchoredChain> lastCommitted() {
        return lastCommitted;
    }

    @Override
    public void refresh() throws IOException {
        if (!unrefreshed.isEmpty()) {
            http.post(String.join(",", unrefreshed) + "/_refresh", null);
            unrefreshed.clear();
        }
    }

    @Override
    public long search(RecordQuery query, long limit, Predicate<FoundRecord> visitor) throws IOException {
        return view.search(query, limit, visitor);
    }

    @Override
    public long search(RecordQuery query, ResultPosition after, long limit, Predicate<FoundRecord> visitor)
            throws IOException {
        return view.search(query, after, limit, visitor);
    }

    @Override
    public long count(RecordQuery query) throws IOException {
        return view.count(query);
    }

    @Override
    public Optional<PurgeMark> purgeMark(String chain) throws IOException {
        return view.purgeMark(chain);
    }

    @Override
    public Map<String, Long> countByOperation(RecordQuery query) throws IOException {
        return view.countByOperation(query);
    }

    @Override
    public long export(Predicate<FoundRecord> visitor) throws IOException {
        return view.export(visitor);
    }

    /** This writer's chains, each against its head and purge mark (the whole log: {@link OpenSearchLogView}). */
    @Override
    public VerifyReport verify() throws IOException {
        return view.verify(chains());
    }

    /**
     * Purges one of this writer's chains at once (the mark, then the records). Under {@link ChainScheme#ORGANIZATION}
     * the organisation chain's name stands for this writer's own ({@link #chainOf}).
     */
    @Override
    public long purge(String chain, Instant cutoff, String policy, Instant now) throws IOException {
        String own = ChainScheme.ORGANIZATION_CHAIN.equals(chain) && scheme == ChainScheme.ORGANIZATION
                ? ownOrganizationChain()
                : chain;
        return new ChainPurge(http, names).purge(own, chain(own).lastPosition(), cutoff, policy, now);
    }

    /** The chains this writer holds: those its commits wrote a head for, and those it appended to since. */
    @Override
    public List<String> chains() throws IOException {
        http.post(names.meta() + "/_refresh", null);
        TreeSet<String> mine = new TreeSet<>(touched);
        MetaScan.each(
                http,
                names,
                LogIndex.KIND_HEAD,
                "chain",
                state.writer(),
                source -> mine.add(source.path("chain").asText()));
        return new ArrayList<>(mine);
    }

    @Override
    public void close() {
        // what is appended and not committed is written again from the journal by whoever opens this writer next
    }

    /** Reads the heads of the chains a batch appends to for the first time, in one request. */
    private void loadHeads(List<StoredRecord> records) throws IOException {
        Set<String> fresh = new LinkedHashSet<>();
        for (StoredRecord stored : records) {
            String chain = chainOf(stored.record());
            if (!chains.containsKey(chain)) {
                fresh.add(chain);
            }
        }
        Map<String, HeadDocument> heads = HeadDocument.getAll(http, names, fresh);
        for (String chain : fresh) {
            resume(chain, Optional.ofNullable(heads.get(chain)));
        }
    }

    /** The chain's writing end, from its committed head the first time this writer appends to it. */
    private RecordChain chain(String chain) throws IOException {
        RecordChain links = chains.get(chain);
        return links != null ? links : resume(chain, HeadDocument.get(http, names, chain));
    }

    private RecordChain resume(String chain, Optional<HeadDocument> document) throws IOException {
        CommittedHead committed = null;
        if (document.isPresent()) {
            HeadDocument head = document.get();
            if (head.writer().equals(state.writer())) {
                committed = head.asOf(state.nextSequence()).orElse(null);
            } else {
                // the chain moved from another writer (its mailbox's partition changed): that writer's last commit
                long reached = WriterState.find(http, names, head.writer())
                        .map(WriterState::nextSequence)
                        .orElse(1L);
                committed = head.asOf(reached)
                        .map(h -> new CommittedHead(h.position(), h.hash(), 0))
                        .orElse(null);
            }
        }
        RecordChain links = committed == null
                ? RecordChain.start(chain)
                : RecordChain.resume(committed.position(), committed.hash());
        chains.put(chain, links);
        committedHeads.put(chain, committed);
        return links;
    }

    private String month(Instant time) throws IOException {
        String month = names.month(time);
        if (months.add(month)) {
            http.createIndex(month, LogIndex.definition(2, 0));
        }
        unrefreshed.add(month);
        return month;
    }
}
