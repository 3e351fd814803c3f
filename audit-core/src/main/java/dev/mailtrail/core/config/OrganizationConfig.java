package dev.mailtrail.core.config;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.MailboxAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The organisation's audit settings.
 *
 * @param auditDisabled Exchange's {@code AuditDisabled}: while true nothing is audited and bypass is moot
 * @param baseline the managed default set that mailboxes on defaults follow
 * @param throttling MailItemsAccessed throttling
 * @param keptOutOfUnifiedLog actions recorded in the mailbox audit log only (flow policy; default: none)
 * @param auditEnabledHonoured the pre-2019 per-mailbox mode, where a mailbox's AuditEnabled decides
 */
public record OrganizationConfig(
        String organizationId,
        String organizationName,
        boolean auditDisabled,
        Baseline baseline,
        ThrottlingMode throttling,
        Set<MailboxAction> keptOutOfUnifiedLog,
        boolean auditEnabledHonoured) {

    public static final String DEFAULT_NAME = "mailtrail.local";

    public OrganizationConfig {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(throttling, "throttling");
        keptOutOfUnifiedLog = keptOutOfUnifiedLog.isEmpty()
                ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(keptOutOfUnifiedLog));
    }

    /** Exchange Online's defaults: auditing on, newest baseline; MailTrail's lossless throttling. */
    public static OrganizationConfig defaults() {
        return named(DEFAULT_NAME);
    }

    public static OrganizationConfig named(String organizationName) {
        UUID id = UUID.nameUUIDFromBytes(("organization:" + organizationName).getBytes(StandardCharsets.UTF_8));
        return new OrganizationConfig(
                id.toString(), organizationName, false, Baseline.newest(), ThrottlingMode.OFF, Set.of(), false);
    }

    public OrganizationConfig withAuditDisabled(boolean disabled) {
        return new OrganizationConfig(
                organizationId,
                organizationName,
                disabled,
                baseline,
                throttling,
                keptOutOfUnifiedLog,
                auditEnabledHonoured);
    }

    public OrganizationConfig withBaseline(Baseline newBaseline) {
        return new OrganizationConfig(
                organizationId,
                organizationName,
                auditDisabled,
                newBaseline,
                throttling,
                keptOutOfUnifiedLog,
                auditEnabledHonoured);
    }

    public OrganizationConfig withThrottling(ThrottlingMode mode) {
        return new OrganizationConfig(
                organizationId,
                organizationName,
                auditDisabled,
                baseline,
                mode,
                keptOutOfUnifiedLog,
                auditEnabledHonoured);
    }

    public OrganizationConfig withKeptOutOfUnifiedLog(Set<MailboxAction> actions) {
        return new OrganizationConfig(
                organizationId, organizationName, auditDisabled, baseline, throttling, actions, auditEnabledHonoured);
    }

    public OrganizationConfig withAuditEnabledHonoured(boolean honoured) {
        return new OrganizationConfig(
                organizationId, organizationName, auditDisabled, baseline, throttling, keptOutOfUnifiedLog, honoured);
    }

    /** The flow policy: does a record of this action reach the unified audit log? */
    public boolean flowsToUnifiedLog(MailboxAction action) {
        return !keptOutOfUnifiedLog.contains(action);
    }
}
