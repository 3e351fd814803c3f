package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.session.DownloadRuleConfig;

/**
 * How the IMAP auditor reads the server it fronts.
 *
 * @param masterSeparator Dovecot's {@code auth_master_user_separator} ({@code *}), null if master users are off
 * @param sharedPrefix the other-users namespace prefix ({@code Shared/}) until a NAMESPACE response says otherwise
 * @param trashFolder the folder taken for Deleted Items until a LIST response marks one {@code \Trash}
 * @param maxTrackedMessages the bound of the sequence-to-UID map of the selected folder
 * @param decideOnDelivery decide Bind or Sync for each message as its content goes out and emit it at once (the
 *     proxy's strict mode), instead of holding decisions for hindsight
 */
public record ImapAuditConfig(
        String masterSeparator,
        String sharedPrefix,
        String trashFolder,
        int maxTrackedMessages,
        DownloadRuleConfig downloadRule,
        boolean decideOnDelivery) {

    public static final ImapAuditConfig DEFAULTS =
            new ImapAuditConfig("*", "Shared/", "Trash", 1_000_000, DownloadRuleConfig.DEFAULTS, false);

    public ImapAuditConfig(
            String masterSeparator,
            String sharedPrefix,
            String trashFolder,
            int maxTrackedMessages,
            DownloadRuleConfig downloadRule) {
        this(masterSeparator, sharedPrefix, trashFolder, maxTrackedMessages, downloadRule, false);
    }

    public ImapAuditConfig withDecideOnDelivery(boolean decide) {
        return new ImapAuditConfig(
                masterSeparator, sharedPrefix, trashFolder, maxTrackedMessages, downloadRule, decide);
    }
}
