package dev.mailtrail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.corpus.SeedMessage;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.RecordQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mt demo --backend dovecot}: the access Exchange calls Delegate and Admin, shown and recorded. */
class DovecotDemoTest {
    /** Exchange's LogonType numbers in AuditData. */
    private static final int ADMIN = 1;

    private static final int DELEGATE = 2;

    @TempDir
    Path dir;

    @Test
    void bobReadingAlicesSharedFinanceIsDelegateAndTheMasterUserReadingHerInboxIsAdmin() throws Exception {
        Path data = dir.resolve("data");
        List<SeedMessage> corpus = DemoCorpus.messages();
        SeedMessage finance = first(corpus, "Finance");
        SeedMessage inbox = first(corpus, "INBOX");
        RunningDemo demo = RunningDemo.start(DemoRun.onFreePorts(data, DemoBackend.DOVECOT), Clock.systemUTC());
        try {
            String printed =
                    DemoRun.python(dir, """
                    import imaplib, ssl
                    context = ssl.create_default_context(cafile='%1$s')
                    def message_id(user, folder):
                        m = imaplib.IMAP4_SSL('127.0.0.1', %2$d, ssl_context=context)
                        m.login(user, 'demo')
                        m.select('"' + folder + '"', readonly=True)
                        typ, data = m.fetch('1', '(BODY.PEEK[])')
                        m.logout()
                        return [l for l in data[0][1].decode().split('\\r\\n') if l.startswith('Message-ID:')][0]
                    print(message_id('bob@demo.test', 'shared/alice@demo.test/Finance'))
                    print(message_id('alice@demo.test*admin@demo.test', 'INBOX'))
                    """.formatted(demo.certificate().certificate(), demo.port("imaps")));
            assertThat(printed).contains(finance.messageId(), inbox.messageId());
        } finally {
            demo.close();
        }
        List<FoundRecord> delegate = DemoRun.records(data, aliceReads().withLogonTypes(Set.of(DELEGATE)));
        assertThat(delegate).anySatisfy(record -> assertThat(record.auditData())
                .contains(finance.messageId())
                .contains("bob@demo.test"));
        List<FoundRecord> admin = DemoRun.records(data, aliceReads().withLogonTypes(Set.of(ADMIN)));
        assertThat(admin).anySatisfy(record -> assertThat(record.auditData()).contains(inbox.messageId()));
    }

    private static RecordQuery aliceReads() {
        return RecordQuery.between(Instant.EPOCH, Instant.now().plusSeconds(3600))
                .withMailboxes(Set.of("alice@demo.test"))
                .withOperations(Set.of("MailItemsAccessed"));
    }

    private static SeedMessage first(List<SeedMessage> corpus, String folder) {
        return corpus.stream()
                .filter(m -> m.owner().equals("alice@demo.test") && m.folder().equals(folder))
                .findFirst()
                .orElseThrow();
    }
}
