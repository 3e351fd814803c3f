package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.AuditLogAgeLimit;
import java.time.Duration;

/**
 * How long each chain's records are kept, for the embedded stores and the cluster's alike: a mailbox's chain by the
 * mailbox's AuditLogAgeLimit (Exchange's default for a mailbox it does not know), the unified log by its retention;
 * and the policy each purge mark names.
 */
public final class RetentionPolicies {
    private RetentionPolicies() {}

    /** The AuditLogAgeLimit of the mailbox whose chain is {@code chain} ({@code mailbox:UPN}). */
    public static Duration mailboxLimit(AuditConfiguration configuration, String chain) {
        String mailbox = chain.substring(chain.indexOf(':') + 1);
        return configuration.knows(mailbox)
                ? configuration.mailbox(mailbox).auditLogAgeLimit()
                : AuditLogAgeLimit.DEFAULT;
    }

    /** What a mailbox chain's purge mark names. */
    public static String mailboxPolicy(Duration limit) {
        return "AuditLogAgeLimit " + AuditLogAgeLimit.format(limit);
    }

    /** What a unified log chain's purge mark names. */
    public static String unifiedPolicy(Duration retention) {
        return "unified audit log retention " + retention.toDays() + " days";
    }
}
