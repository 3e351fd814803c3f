package dev.mailtrail.store.log;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;

/** Streams search results a page at a time with a keyset continuation (searchAfter): no offsets, no caps. */
final class Pages {
    static final int PAGE = 1_000;
    private static final Set<String> FOUND_FIELDS = Set.of(
            RecordDocuments.AUDIT_DATA,
            RecordDocuments.RECORD_ID,
            RecordDocuments.TIME,
            RecordDocuments.RECORD_TYPE,
            RecordDocuments.OPERATION,
            RecordDocuments.USER_ID_STORED,
            RecordDocuments.SEQUENCE);
    private static final Sort NEWEST_FIRST = new Sort(
            LongField.newSortField(RecordDocuments.TIME, true, SortedNumericSelector.Type.MIN),
            LongField.newSortField(RecordDocuments.SEQUENCE, true, SortedNumericSelector.Type.MIN));
    private static final Sort ARRIVAL =
            new Sort(LongField.newSortField(RecordDocuments.SEQUENCE, false, SortedNumericSelector.Type.MIN));

    private Pages() {}

    static long newestFirst(IndexSearcher searcher, Query query, long limit, Predicate<FoundRecord> visitor)
            throws IOException {
        return walk(searcher, query, NEWEST_FIRST, null, limit, visitor);
    }

    /**
     * Newest first, resuming after {@code position} (null: from the start). The position's sort values seek the
     * continuation as Lucene's own pages do; a record of equal sort values counts as after it only with a higher document number, so the last one
     * there is given: the sequence is unique, so the position's own record is the only one of its values and is skipped.
     */
    static long newestFirstAfter(
            IndexSearcher searcher, Query query, ResultPosition position, long limit, Predicate<FoundRecord> visitor)
            throws IOException {
        FieldDoc after = position == null
                ? null
                : new FieldDoc(Math.max(0, searcher.getIndexReader().maxDoc() - 1), Float.NaN, new Object[] {
                    position.creationMillis(), position.sequence()
                });
        return walk(searcher, query, NEWEST_FIRST, after, limit, visitor);
    }

    static long inArrivalOrder(IndexSearcher searcher, Query query, Predicate<FoundRecord> visitor) throws IOException {
        return walk(searcher, query, ARRIVAL, null, Long.MAX_VALUE, visitor);
    }

    private static long walk(
            IndexSearcher searcher, Query query, Sort sort, FieldDoc start, long limit, Predicate<FoundRecord> visitor)
            throws IOException {
        long visited = 0;
        FieldDoc after = start;
        StoredFields stored = searcher.storedFields();
        while (visited < limit) {
            int size = (int) Math.min(PAGE, limit - visited);
            TopDocs page =
                    after == null ? searcher.search(query, size, sort) : searcher.searchAfter(after, query, size, sort);
            if (page.scoreDocs.length == 0) {
                break;
            }
            for (ScoreDoc doc : page.scoreDocs) {
                visited++;
                if (!visitor.test(found(stored.document(doc.doc, FOUND_FIELDS)))) {
                    return visited;
                }
            }
            if (page.scoreDocs.length < size) {
                break;
            }
            after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
        }
        return visited;
    }

    private static FoundRecord found(Document document) {
        return new FoundRecord(
                document.get(RecordDocuments.AUDIT_DATA),
                document.get(RecordDocuments.RECORD_ID),
                Instant.ofEpochMilli(
                        document.getField(RecordDocuments.TIME).numericValue().longValue()),
                document.getField(RecordDocuments.RECORD_TYPE).numericValue().intValue(),
                document.get(RecordDocuments.OPERATION),
                document.get(RecordDocuments.USER_ID_STORED),
                document.getField(RecordDocuments.SEQUENCE).numericValue().longValue());
    }
}
