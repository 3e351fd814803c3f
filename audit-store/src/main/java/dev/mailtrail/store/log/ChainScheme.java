package dev.mailtrail.store.log;

import dev.mailtrail.core.record.AuditRecord;
import java.util.Locale;

/** How a store's records are chained: one chain per mailbox (the mailbox audit log), or one for all. */
public enum ChainScheme {
    PER_MAILBOX {
        @Override
        public String chainOf(AuditRecord record) {
            String mailbox = record.mailboxOwnerUpn() != null ? record.mailboxOwnerUpn() : record.userId();
            return "mailbox:" + (mailbox == null ? "" : mailbox.toLowerCase(Locale.ROOT));
        }
    },
    ORGANIZATION {
        @Override
        public String chainOf(AuditRecord record) {
            return ORGANIZATION_CHAIN;
        }
    };

    public static final String ORGANIZATION_CHAIN = "unified";

    public abstract String chainOf(AuditRecord record);

    /** The chain of one mailbox under {@link #PER_MAILBOX}. */
    public static String mailboxChain(String mailbox) {
        return "mailbox:" + mailbox.toLowerCase(Locale.ROOT);
    }
}
