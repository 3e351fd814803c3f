package dev.mailtrail.investigate.scope;

import java.time.Instant;

/**
 * A span in which the audit record cannot show what happened.
 *
 * @param from when it began
 * @param to when it ended, or null when it had not ended by the last record of the case
 * @param reason why the record is blind
 * @param detail the record that opened it, in words
 */
public record BlindWindow(Instant from, Instant to, Reason reason, String detail) {

    /** Why a window is blind. */
    public enum Reason {
        /** A MailItemsAccessed record with IsThrottled=True: no Bind records for the mailbox for 24 hours. */
        THROTTLED("throttled: no Bind records for 24 hours"),
        /** {@code Set-OrganizationConfig -AuditDisabled $true}: nothing audited in the organisation. */
        AUDIT_DISABLED("auditing turned off for the organisation"),
        /** {@code Set-MailboxAuditBypassAssociation -AuditBypassEnabled $true} for an account that acted. */
        AUDIT_BYPASS("audit bypass for the acting account"),
        /** MailItemsAccessed taken out of AuditOwner, AuditDelegate or AuditAdmin. */
        MAIL_ITEMS_ACCESSED_REMOVED("MailItemsAccessed not audited"),
        /** No record at all while the attacker was active before and after. */
        NO_RECORDS("no records at all");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
