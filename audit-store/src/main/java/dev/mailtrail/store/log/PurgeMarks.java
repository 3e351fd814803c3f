package dev.mailtrail.store.log;

import dev.mailtrail.store.chain.ChainHead;
import dev.mailtrail.store.chain.PurgeMark;
import java.time.Instant;
import java.util.Arrays;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/** Chain heads and purge marks as the documents that keep them. */
final class PurgeMarks {
    private PurgeMarks() {}

    static Document document(PurgeMark mark) {
        Document document = new Document();
        document.add(new StringField(RecordDocuments.KIND, RecordDocuments.KIND_PURGE, Field.Store.NO));
        document.add(new StringField(LuceneAuditLog.PURGE_OF, mark.chain(), Field.Store.NO));
        document.add(new StringField(RecordDocuments.CHAIN, mark.chain(), Field.Store.YES));
        document.add(new StoredField(RecordDocuments.MARK_POSITION, mark.throughPosition()));
        document.add(new StoredField(RecordDocuments.HASH, mark.lastPurgedHash()));
        document.add(new StoredField(RecordDocuments.POLICY, mark.policy()));
        document.add(new StoredField(RecordDocuments.PURGED_AT, mark.purgedAt().toString()));
        return document;
    }

    static PurgeMark mark(Document document) {
        return new PurgeMark(
                document.get(RecordDocuments.CHAIN),
                document.getField(RecordDocuments.MARK_POSITION).numericValue().longValue(),
                bytes(document, RecordDocuments.HASH),
                document.get(RecordDocuments.POLICY),
                Instant.parse(document.get(RecordDocuments.PURGED_AT)));
    }

    static byte[] bytes(Document document, String field) {
        BytesRef value = document.getBinaryValue(field);
        return Arrays.copyOfRange(value.bytes, value.offset, value.offset + value.length);
    }

    static ChainHead head(Document document) {
        return new ChainHead(
                document.getField(RecordDocuments.MARK_POSITION).numericValue().longValue(),
                bytes(document, RecordDocuments.HASH));
    }
}
