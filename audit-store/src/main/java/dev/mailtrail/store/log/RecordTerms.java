package dev.mailtrail.store.log;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a record offers FreeText, chosen once for every engine: exact terms (ids, InternetMessageIds, folder paths)
 * and words (subjects, rule and cmdlet parameters). The store never parses AuditData to find them.
 */
public final class RecordTerms {
    private RecordTerms() {}

    /**
     * The exact FreeText terms of a record, lower-cased: its ids, mailbox, user, session and addresses, every
     * InternetMessageId, item and folder id and folder path, and the values of cmdlet parameters.
     */
    public static Set<String> terms(AuditRecord record) {
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
            terms.add(RecordDocuments.key(value.strip()));
        }
    }

    /** The text a FreeText phrase may match word by word: subjects, cmdlet parameters, operation properties. */
    public static String words(AuditRecord record) {
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
