package dev.mailtrail.investigate.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.investigate.importer.synthetic.BecCase;
import dev.mailtrail.investigate.scope.AttackerHints;
import dev.mailtrail.investigate.scope.KnownMessage;
import dev.mailtrail.investigate.scope.MessageCatalogue;
import dev.mailtrail.investigate.scope.Scope;
import dev.mailtrail.investigate.scope.ScopeAnalysis;
import dev.mailtrail.investigate.scope.ScopeQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageTraceCsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void getMessageTraceExportCsvWithItsTypeLineAndUsDates() throws Exception {
        Path trace = write("trace.csv", """
                #TYPE Deserialized.Microsoft.Exchange.Management.FfoReporting.MessageTrace
                "PSComputerName","RunspaceId","Organization","MessageId","Received","SenderAddress","RecipientAddress","Subject","Status","ToIP","FromIP","Size","MessageTraceId"
                "outlook.office365.com","a1","contoso.onmicrosoft.com","<pay-0@contoso.example>","3/3/2026 4:15:02 PM","billing@supplier.example","victim@contoso.example","Invoice 4471 overdue","Delivered","","198.51.100.7","10000","0b1c"
                """);

        List<TracedMessage> messages = new MessageTraceCsv().read(trace);

        assertThat(messages)
                .containsExactly(new TracedMessage(
                        "<pay-0@contoso.example>",
                        Instant.parse("2026-03-03T16:15:02Z"),
                        "billing@supplier.example",
                        "victim@contoso.example",
                        "Invoice 4471 overdue",
                        10_000L));
    }

    @Test
    void theAdminCentersReportColumns() throws Exception {
        Path trace = write("report.csv", """
                origin_timestamp_utc,sender_address,recipient_status,message_subject,total_bytes,message_id,network_message_id
                2026-03-03T16:15:02.1234567Z,billing@supplier.example,victim@contoso.example##Receive,Invoice,"10,000",<pay-0@contoso.example>,9f2e
                """);

        TracedMessage message = new MessageTraceCsv().read(trace).getFirst();

        assertThat(message.internetMessageId()).isEqualTo("<pay-0@contoso.example>");
        assertThat(message.size()).isEqualTo(10_000L);
        assertThat(message.received()).isEqualTo(Instant.parse("2026-03-03T16:15:02.1234567Z"));
    }

    @Test
    void aBadDateIsNamedWithItsFileAndLine() throws Exception {
        Path trace = write("bad.csv", "MessageId,Received\n<a@x>,2026-03-03T10:00:00Z\n<b@x>,31/31/2026\n");

        assertThatThrownBy(() -> new MessageTraceCsv().read(trace))
                .isInstanceOf(MessageTraceException.class)
                .hasMessage(trace + ":3: Received: \"31/31/2026\" is not a date");
    }

    @Test
    void aFileWithoutMessageIdsIsNoTrace() throws Exception {
        Path other = write("other.csv", "CreationDate,UserIds,Operations,AuditData\n");

        assertThatThrownBy(() -> new MessageTraceCsv().read(other))
                .hasMessageContaining("no MessageId (or message_id) column: not a message trace");
    }

    @Test
    void aTraceGivesTheSenderAndDateOfTheMessagesTheAttackerRead() throws Exception {
        Path trace = write("trace.csv", """
                MessageId,Received,SenderAddress,Subject
                pay-1@contoso.example,2026-03-03T09:00:00Z,bank@supplier.example,Updated bank details
                """);
        MessageCatalogue catalogue = new MessageCatalogue();
        for (TracedMessage message : new MessageTraceCsv().read(trace)) {
            catalogue.learn(
                    message.internetMessageId(),
                    new KnownMessage(message.subject(), message.sender(), message.received()));
        }

        Scope scope = new ScopeAnalysis()
                .analyse(
                        BecCase.reading().records(),
                        new ScopeQuery(
                                BecCase.VICTIM,
                                null,
                                null,
                                new AttackerHints(Set.of(BecCase.ATTACKER_IP), Set.of(), Set.of())),
                        catalogue);

        // The trace wrote the id without angle brackets; the record with them: the same message.
        assertThat(scope.reads().get(1).message())
                .isEqualTo(new KnownMessage(
                        "Updated bank details", "bank@supplier.example", Instant.parse("2026-03-03T09:00:00Z")));
        assertThat(scope.reads().get(0).message().sender()).isNull();
    }
}
