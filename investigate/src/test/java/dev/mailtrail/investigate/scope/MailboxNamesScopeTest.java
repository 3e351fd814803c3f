package dev.mailtrail.investigate.scope;

import static dev.mailtrail.investigate.scope.Records.ALICE;
import static dev.mailtrail.investigate.scope.Records.at;
import static dev.mailtrail.investigate.scope.Records.bind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.mailboxes.MailboxDirectory;
import dev.mailtrail.investigate.mailboxes.MailboxName;
import dev.mailtrail.investigate.mailboxes.MailboxName.Kind;
import dev.mailtrail.investigate.report.ScopeJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every record on its mailbox: a record naming the mailbox by GUID, SID, display name or legacy DN is its. */
class MailboxNamesScopeTest {
    private static final String GUID = "3f9e1a7c-0d2b-4e8f-9a6c-1b2d3e4f5a60";
    private static final String OBJECT_PATH =
            "EURPR01A001.prod.outlook.com/Microsoft Exchange Hosted Organizations/contoso.onmicrosoft.com/";
    private static final String OWNER_IP = "198.51.100.20";

    /** The 38 rules of the report: ObjectId by mailbox GUID, -Mailbox as given, one IP with changing ports. */
    private static List<AuditRecord> rules(String mailboxParameter, String objectName) {
        List<AuditRecord> rules = new ArrayList<>();
        for (int n = 0; n < 38; n++) {
            String rule = "Rule " + n;
            rules.add(AuditRecord.builder()
                    .creationTime(at("09:%02d:%02d".formatted(n / 60, n % 60)))
                    .id("rule-" + n)
                    .operation("New-InboxRule")
                    .recordType(1)
                    .resultStatus("True")
                    .workload("Exchange")
                    .userId("admin@contoso.onmicrosoft.com")
                    .clientIp("203.0.113.5:" + (51234 + n))
                    .objectId(OBJECT_PATH + objectName + "\\" + rule)
                    .parameters(List.of(
                            new NameValue("Mailbox", mailboxParameter),
                            new NameValue("Name", rule),
                            new NameValue("PinMessage", "True"),
                            new NameValue("MarkAsRead", "True")))
                    .build());
        }
        return rules;
    }

    /** The owner's own reads, whose MailboxGuid ties the GUID to the UPN. */
    private static List<AuditRecord> ownerReads() {
        List<AuditRecord> reads = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            reads.add(bind("08:0" + n + ":00", "s-owner", OWNER_IP, "\\Inbox", "<m" + n + "@x>").toBuilder()
                    .mailboxGuid(GUID)
                    .mailboxOwnerSid("S-1-5-21-1-2-3-1001")
                    .build());
        }
        return reads;
    }

    private static Scope scope(List<AuditRecord> records, MailboxDirectory directory) {
        return new ScopeAnalysis()
                .analyse(
                        records,
                        new ScopeQuery(ALICE, null, null, AttackerHints.none()),
                        new MessageCatalogue(),
                        directory);
    }

    @Test
    void rulesNamingTheMailboxByTheGuidItsOwnRecordsCarryAreItsActionsAndTheirIpIsProposed() throws Exception {
        List<AuditRecord> records = new ArrayList<>(ownerReads());
        records.addAll(rules(GUID, GUID));

        Scope scope = scope(records, new MailboxDirectory());

        assertThat(scope.actions(AttackerAction.Kind.INBOX_RULE)).hasSize(38);
        assertThat(scope.suspiciousSessions()).anySatisfy(session -> {
            assertThat(session.ips()).containsExactly("203.0.113.5");
            assertThat(session.records()).isEqualTo(38);
            assertThat(session.reasons())
                    .singleElement()
                    .asString()
                    .startsWith("many rule changes from one IP: 38 inbox rule changes from 203.0.113.5");
        });
        assertThat(scope.mailbox().names()).contains(new MailboxName(Kind.MAILBOX_GUID, GUID));
        assertThat(scope.mailbox().merged()).anySatisfy(link -> {
            assertThat(link.other().value()).isEqualTo(GUID);
            assertThat(link.evidence()).contains("(MailItemsAccessed ").contains("MailboxGuid of");
            assertThat(link.records()).isEqualTo(3);
        });
        assertThat(scope.statement()).contains("changed inbox rules 38 times");
        java.io.StringWriter html = new java.io.StringWriter();
        new dev.mailtrail.investigate.report.ScopeHtml().write(scope, html);
        assertThat(html.toString()).contains("<section id=\"mailbox-names\">").contains(GUID);
        assertThat(new ScopeJson().toJson(scope))
                .contains("\"mailboxIdentity\"")
                .contains("\"value\" : \"" + GUID + "\"");
    }

    @Test
    void rulesNamingTheMailboxByDisplayNameAndAGuidOnlyAGetMailboxExportKnowsAreItsActions() {
        String externalId = "7d3c8a9e-4b2f-4c1d-8e6f-5a4b3c2d1e0f";
        MailboxDirectory directory = new MailboxDirectory();
        MailboxName upn = new MailboxName(Kind.UPN, ALICE);
        directory.link(upn, new MailboxName(Kind.EXTERNAL_DIRECTORY_OBJECT_ID, externalId), "Get-Mailbox line 2");
        directory.link(upn, new MailboxName(Kind.DISPLAY_NAME, "Alice Jones"), "Get-Mailbox line 2");

        Scope scope = scope(rules("Alice Jones", externalId), directory);

        assertThat(scope.actions(AttackerAction.Kind.INBOX_RULE)).hasSize(38);
        assertThat(scope.mailbox().merged()).extracting(link -> link.evidence()).contains("Get-Mailbox line 2");
    }

    @Test
    void aPermissionGrantedOnTheMailboxByItsLegacyDnIsItsAction() {
        String legacyDn = "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/"
                + "cn=5b9e0f3c2a4d4e7fb1c2d3e4f5a6b7c8-alice";
        MailboxDirectory directory = new MailboxDirectory();
        directory.link(new MailboxName(Kind.UPN, ALICE), new MailboxName(Kind.LEGACY_DN, legacyDn), "Get-Mailbox");
        AuditRecord grant = Records.cmdlet(
                "09:00:00",
                "Add-MailboxPermission",
                "admin@contoso.onmicrosoft.com",
                "203.0.113.5",
                "Identity",
                legacyDn.toUpperCase(java.util.Locale.ROOT),
                "User",
                "eve@evil.example",
                "AccessRights",
                "FullAccess");

        Scope scope = scope(List.of(grant), directory);

        assertThat(scope.actions()).singleElement().satisfies(action -> assertThat(action.kind())
                .isEqualTo(AttackerAction.Kind.PERMISSION));
    }

    @Test
    void aRuleRunWithoutMailboxIsOnTheMailboxOfWhoRanIt() {
        AuditRecord rule = rules("x", GUID).getFirst().toBuilder()
                .userId(ALICE)
                .parameters(List.of(new NameValue("Name", "Rule 0"), new NameValue("DeleteMessage", "True")))
                .build();

        Scope scope = scope(List.of(rule), new MailboxDirectory());

        assertThat(scope.actions(AttackerAction.Kind.INBOX_RULE)).hasSize(1);
        assertThat(scope.mailbox().merged()).singleElement().satisfies(link -> assertThat(link.evidence())
                .contains("UserId (no -Mailbox: the caller's own)"));
    }

    @Test
    void aLinkThatWouldMergeTwoMailboxesIsRefusedAndSaid() {
        MailboxDirectory directory = new MailboxDirectory();
        directory.link(new MailboxName(Kind.UPN, ALICE), new MailboxName(Kind.MAILBOX_GUID, GUID), "export");
        directory.link(
                new MailboxName(Kind.UPN, "bob@contoso.com"), new MailboxName(Kind.DISPLAY_NAME, "Bob"), "export");
        directory.link(new MailboxName(Kind.DISPLAY_NAME, "Bob"), new MailboxName(Kind.MAILBOX_GUID, GUID), "wrong");

        assertThat(directory.identityOf(ALICE).values()).containsExactlyInAnyOrder(ALICE, GUID);
        assertThat(directory.identityOf(ALICE).refused()).singleElement().satisfies(link -> assertThat(link.evidence())
                .isEqualTo("wrong"));
        assertThat(directory.identityOf("{" + GUID.toUpperCase() + "}").values())
                .contains(ALICE);
    }
}
