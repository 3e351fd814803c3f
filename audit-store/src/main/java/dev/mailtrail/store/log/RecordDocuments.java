package dev.mailtrail.store.log;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.store.chain.ChainedRecord;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * A record as a Lucene document: AuditData verbatim (stored), the search columns as exact lower-cased terms,
 * CreationTime as points and doc values, the chain link (position, previous hash, hash) stored beside it. The
 * FreeText terms are chosen here: ids, InternetMessageIds and folder paths exactly, subjects and rule parameters
 * also word by word.
 */
final class RecordDocuments {
    static final String KIND = "kind";
    static final String KIND_RECORD = "record";
    static final String KIND_HEAD = "head";
    static final String KIND_PURGE = "purge";
    static final String SEQUENCE = "seq";
    static final String TIME = "time";
    static final String RECORD_TYPE = "record_type";
    static final String OPERATION = "operation";
    static final String OPERATION_KEY = "operation_key";
    static final String USER_ID = "user_id";
    static final String MAILBOX = "mailbox";
    static final String LOGON_TYPE = "logon_type";
    static final String CLIENT_IP = "client_ip";
    static final String OBJECT_ID = "object_id";
    static final String SESSION_ID = "session_id";
    static final String TERMS = "terms";
    static final String WORDS = "words";
    static final String RECORD_ID = "record_id";
    static final String CHAIN = "chain";
    static final String POSITION = "position";
    static final String MARK_POSITION = "mark_position";
    static final String PREVIOUS_HASH = "previous_hash";
    static final String HASH = "hash";
    static final String AUDIT_DATA = "audit_data";
    static final String USER_ID_STORED = "user_id_stored";
    static final String POLICY = "policy";
    static final String PURGED_AT = "purged_at";

    private RecordDocuments() {}

    static Document document(AuditRecord record, String auditData, long sequence, String chain, ChainedRecord link) {
        Document document = new Document();
        document.add(new StringField(KIND, KIND_RECORD, Field.Store.NO));
        document.add(new LongField(SEQUENCE, sequence, Field.Store.YES));
        document.add(new LongField(TIME, record.creationTime().toEpochMilli(), Field.Store.YES));
        document.add(new IntField(RECORD_TYPE, record.recordType(), Field.Store.YES));
        String operation = record.operation() == null ? "" : record.operation();
        document.add(new KeywordField(OPERATION, operation, Field.Store.YES));
        document.add(new StringField(OPERATION_KEY, key(operation), Field.Store.NO));
        keyword(document, USER_ID, record.userId());
        if (record.userId() != null) {
            document.add(new StoredField(USER_ID_STORED, record.userId()));
        }
        keyword(document, MAILBOX, record.mailboxOwnerUpn());
        if (record.logonType() != null) {
            document.add(new IntField(LOGON_TYPE, record.logonType(), Field.Store.NO));
        }
        keyword(document, CLIENT_IP, IpAddresses.withoutPort(record.clientIp()));
        keyword(document, CLIENT_IP, IpAddresses.withoutPort(record.clientIpAddress()));
        keyword(document, OBJECT_ID, record.objectId());
        keyword(document, SESSION_ID, record.sessionId());
        document.add(new StringField(RECORD_ID, record.id() == null ? "" : record.id(), Field.Store.YES));
        for (String term : RecordTerms.terms(record)) {
            document.add(new StringField(TERMS, term, Field.Store.NO));
        }
        String words = RecordTerms.words(record);
        if (!words.isEmpty()) {
            document.add(new TextField(WORDS, words, Field.Store.NO));
        }
        document.add(new StringField(CHAIN, chain, Field.Store.YES));
        document.add(new LongField(POSITION, link.position(), Field.Store.YES));
        document.add(new StoredField(PREVIOUS_HASH, link.previousHash()));
        document.add(new StoredField(HASH, link.hash()));
        document.add(new StoredField(AUDIT_DATA, auditData));
        return document;
    }

    static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static void keyword(Document document, String field, String value) {
        if (value != null && !value.isEmpty()) {
            document.add(new StringField(field, key(value), Field.Store.NO));
        }
    }
}
