package dev.mailtrail.store.log;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import dev.mailtrail.store.chain.ChainedRecord;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
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
        for (String term : terms(record)) {
            document.add(new StringField(TERMS, term, Field.Store.NO));
        }
        String words = words(record);
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

    private static Set<String> terms(AuditRecord record) {
        Set<String> terms = new LinkedHashSet<>();
        add(terms, record.id());
        add(terms, record.objectId());
        add(terms, record.userId());
        add(terms, record.mailboxOwnerUpn());
        add(terms, record.sessionId());
        add(terms, IpAddresses.withoutPort(record.clientIp()));
        add(terms, IpAddresses.withoutPort(record.clientIpAddress()));
        if (record.item() != null) {
            item(terms, record.item());
        }
        for (RecordItem item : orEmpty(record.affectedItems())) {
            item(terms, item);
        }
        folder(terms, record.folder());
        folder(terms, record.destFolder());
        for (FolderItems folder : orEmpty(record.folders())) {
            add(terms, folder.id());
            add(terms, folder.path());
            for (ItemRef item : folder.folderItems()) {
                add(terms, item.internetMessageId());
                add(terms, item.id());
            }
        }
        for (ItemRef item : orEmpty(record.syncedItems())) {
            add(terms, item.internetMessageId());
            add(terms, item.id());
        }
        for (NameValue parameter : orEmpty(record.parameters())) {
            add(terms, parameter.value());
        }
        return terms;
    }

    private static <T> java.util.List<T> orEmpty(java.util.List<T> list) {
        return list == null ? java.util.List.of() : list;
    }

    private static void item(Set<String> terms, RecordItem item) {
        add(terms, item.id());
        add(terms, item.internetMessageId());
        folder(terms, item.parentFolder());
    }

    private static void folder(Set<String> terms, FolderRef folder) {
        if (folder != null) {
            add(terms, folder.id());
            add(terms, folder.path());
        }
    }

    private static void add(Set<String> terms, String value) {
        if (value != null && !value.isBlank()) {
            terms.add(key(value.strip()));
        }
    }

    private static String words(AuditRecord record) {
        StringBuilder words = new StringBuilder();
        if (record.item() != null && record.item().subject() != null) {
            words.append(record.item().subject()).append('\n');
        }
        for (RecordItem item : orEmpty(record.affectedItems())) {
            if (item.subject() != null) {
                words.append(item.subject()).append('\n');
            }
        }
        for (FolderItems folder : orEmpty(record.folders())) {
            for (ItemRef item : folder.folderItems()) {
                if (item.subject() != null) {
                    words.append(item.subject()).append('\n');
                }
            }
        }
        for (NameValue parameter : orEmpty(record.parameters())) {
            words.append(parameter.name()).append(' ').append(parameter.value()).append('\n');
        }
        for (NameValue property : orEmpty(record.operationProperties())) {
            words.append(property.value()).append('\n');
        }
        return words.toString();
    }
}
