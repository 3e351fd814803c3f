package dev.mailtrail.store.log;

import dev.mailtrail.store.chain.ChainHead;
import dev.mailtrail.store.chain.ChainVerifier;
import dev.mailtrail.store.chain.ChainedRecord;
import dev.mailtrail.store.chain.PurgeMark;
import dev.mailtrail.store.chain.TamperFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/** Walks a store's chains in position order: to verify them, and to find where a retention purge may end. */
final class LuceneChainWalk {
    private static final Set<String> LINK_FIELDS = Set.of(
            RecordDocuments.POSITION,
            RecordDocuments.PREVIOUS_HASH,
            RecordDocuments.HASH,
            RecordDocuments.AUDIT_DATA,
            RecordDocuments.TIME);
    private static final Sort BY_POSITION =
            new Sort(LongField.newSortField(RecordDocuments.POSITION, false, SortedNumericSelector.Type.MIN));

    private final IndexSearcher searcher;

    LuceneChainWalk(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    VerifyReport verify() throws IOException {
        List<String> corruption = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            if (leaf.reader() instanceof CodecReader codec) {
                try {
                    codec.checkIntegrity();
                } catch (IOException e) {
                    corruption.add(e.getMessage());
                }
            }
        }
        List<TamperFinding> findings = new ArrayList<>();
        long records = 0;
        long purged = 0;
        List<String> chains = chainNames();
        for (String chain : chains) {
            Optional<PurgeMark> mark = single(LuceneQueries.purgeMark(chain)).map(PurgeMarks::mark);
            Optional<ChainHead> head = single(LuceneQueries.head(chain)).map(PurgeMarks::head);
            if (mark.isPresent()) {
                purged++;
            }
            ChainVerifier verifier = new ChainVerifier(chain, mark, head);
            walk(chain, link -> verifier.accept(link.record()));
            verifier.finish().ifPresent(findings::add);
            records += verifier.verified();
        }
        return new VerifyReport(chains.size(), records, purged, findings, corruption);
    }

    /** The last record of a chain that, with every record before it, is older than {@code cutoff}. */
    Optional<ChainedRecord> lastBefore(String chain, Instant cutoff) throws IOException {
        ChainedRecord[] last = {null};
        long limit = cutoff.toEpochMilli();
        walk(chain, link -> {
            if (link.time() >= limit) {
                return false;
            }
            last[0] = link.record();
            return true;
        });
        return Optional.ofNullable(last[0]);
    }

    /** The mark the last retention purge of {@code chain} left, if it was ever purged. */
    Optional<PurgeMark> purgeMark(String chain) throws IOException {
        return single(LuceneQueries.purgeMark(chain)).map(PurgeMarks::mark);
    }

    /** Every chain with records, a head or a purge mark, sorted. */
    List<String> chainNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), RecordDocuments.CHAIN);
        if (terms != null) {
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                if (each.docFreq() > 0) {
                    names.add(term.utf8ToString());
                }
            }
        }
        names.removeIf(name -> {
            try {
                return searcher.count(LuceneQueries.chain(name)) == 0
                        && single(LuceneQueries.head(name)).isEmpty()
                        && single(LuceneQueries.purgeMark(name)).isEmpty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return new ArrayList<>(names);
    }

    private Optional<Document> single(Query query) throws IOException {
        TopDocs top = searcher.search(query, 1);
        return top.scoreDocs.length == 0
                ? Optional.empty()
                : Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc));
    }

    private void walk(String chain, LinkVisitor visitor) throws IOException {
        Query query = LuceneQueries.chain(chain);
        StoredFields stored = searcher.storedFields();
        FieldDoc after = null;
        while (true) {
            TopDocs page = after == null
                    ? searcher.search(query, Pages.PAGE, BY_POSITION)
                    : searcher.searchAfter(after, query, Pages.PAGE, BY_POSITION);
            for (ScoreDoc doc : page.scoreDocs) {
                Document link = stored.document(doc.doc, LINK_FIELDS);
                ChainedRecord record = new ChainedRecord(
                        link.getField(RecordDocuments.POSITION).numericValue().longValue(),
                        PurgeMarks.bytes(link, RecordDocuments.PREVIOUS_HASH),
                        PurgeMarks.bytes(link, RecordDocuments.HASH),
                        link.get(RecordDocuments.AUDIT_DATA).getBytes(StandardCharsets.UTF_8));
                long time = link.getField(RecordDocuments.TIME).numericValue().longValue();
                if (!visitor.visit(new Link(record, time))) {
                    return;
                }
            }
            if (page.scoreDocs.length < Pages.PAGE) {
                return;
            }
            after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
        }
    }

    private record Link(ChainedRecord record, long time) {}

    @FunctionalInterface
    private interface LinkVisitor {
        boolean visit(Link link);
    }
}
