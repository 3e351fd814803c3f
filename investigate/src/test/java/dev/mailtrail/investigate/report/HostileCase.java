package dev.mailtrail.investigate.report;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import dev.mailtrail.investigate.scope.AttackerHints;
import dev.mailtrail.investigate.scope.Scope;
import dev.mailtrail.investigate.scope.ScopeAnalysis;
import dev.mailtrail.investigate.scope.ScopeQuery;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A scope whose records an attacker wrote to attack the report: markup in a subject, a rule name, a folder and a
 * client string, a formula for spreadsheets, and a terminal escape sequence.
 */
final class HostileCase {
    static final String SCRIPT_SUBJECT = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";
    static final String RULE_NAME = "\"><script>alert('rule')</script>";
    static final String FORMULA_SUBJECT = "=HYPERLINK(\"http://evil.example\",\"click\")";
    static final String ESCAPE_SUBJECT = "\u001b[2J\u001b[31mowned";

    private HostileCase() {}

    static Scope scope() {
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        AuditRecord.Builder base = AuditRecord.builder()
                .workload("Exchange")
                .userId("alice@contoso.com")
                .mailboxOwnerUpn("alice@contoso.com")
                .clientIp("203.0.113.5:4444")
                .clientIpAddress("203.0.113.5")
                .clientInfoString("Client=<b>REST</b>")
                .sessionId("s-<i>evil</i>")
                .logonType(0);
        List<AuditRecord> records = List.of(
                base.creationTime(t)
                        .id("r1")
                        .operation("MailItemsAccessed")
                        .recordType(50)
                        .operationProperties(
                                List.of(new NameValue("MailAccessType", "Bind"), new NameValue("IsThrottled", "True")))
                        .folders(List.of(new FolderItems(
                                "F",
                                "\\Inbox\\<u>x</u>",
                                List.of(
                                        new ItemRef("<m1@x>", null, 10L, SCRIPT_SUBJECT),
                                        new ItemRef("<m2@x>", null, 10L, FORMULA_SUBJECT),
                                        new ItemRef("<m3@x>", null, 10L, ESCAPE_SUBJECT)))))
                        .build(),
                base.creationTime(t.plusSeconds(60))
                        .id("r2")
                        .operation("UpdateInboxRules")
                        .recordType(2)
                        .folders(null)
                        .operationProperties(List.of(
                                new NameValue("RuleName", RULE_NAME),
                                new NameValue("RuleActions", "[{\"ActionType\":\"DeleteAction\"}]")))
                        .build(),
                base.creationTime(t.plusSeconds(120))
                        .id("r3")
                        .operation("Send")
                        .recordType(2)
                        .operationProperties(null)
                        .item(new RecordItem("I", SCRIPT_SUBJECT, "<m4@x>", 5L, new FolderRef("S", "\\Sent Items")))
                        .build());
        return new ScopeAnalysis()
                .analyse(
                        records,
                        new ScopeQuery(
                                "alice@contoso.com",
                                null,
                                null,
                                new AttackerHints(Set.of("203.0.113.5"), Set.of(), Set.of())));
    }
}
