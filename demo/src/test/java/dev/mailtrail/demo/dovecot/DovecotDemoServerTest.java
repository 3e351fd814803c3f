package dev.mailtrail.demo.dovecot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.demo.DemoUsers;
import dev.mailtrail.demo.ServedCorpus;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.corpus.SeedMessage;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DovecotDemoServerTest {
    private static final List<SeedMessage> CORPUS = DemoCorpus.messages();
    private static DovecotDemoServer server;

    @BeforeAll
    static void start() {
        server = DovecotDemoServer.start(0, 0, CORPUS);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everySeededMessageIsServedWithItsByteLengthAsRfc822SizeAndItsExactBytes() throws Exception {
        assertThat(ServedCorpus.assertServedAsSeeded(server, CORPUS)).isEqualTo(CORPUS.size());
    }

    @Test
    void bobReadsAlicesFinanceFolderThroughTheSharedNamespace() throws Exception {
        Store bob = ServedCorpus.login(server, DemoUsers.BOB);
        try {
            String shared = server.sharedPrefix() + DemoUsers.ALICE + "/" + DemoCorpus.FINANCE;
            assertThat(Arrays.stream(bob.getDefaultFolder().list("*")).map(Folder::getFullName))
                    .contains(shared);
            long financeCount = CORPUS.stream()
                    .filter(m -> m.owner().equals(DemoUsers.ALICE) && m.folder().equals(DemoCorpus.FINANCE))
                    .count();
            assertThat(ServedCorpus.fetchByMessageId(bob, shared)).hasSize((int) financeCount);
        } finally {
            bob.close();
        }
    }

    @Test
    void theMasterUserLogsInAsAlice() throws Exception {
        Store admin = Session.getInstance(new Properties()).getStore("imap");
        admin.connect(
                server.host(),
                server.imapPort(),
                DemoUsers.ALICE + DemoUsers.MASTER_SEPARATOR + DemoUsers.ADMIN,
                DemoUsers.PASSWORD);
        try {
            assertThat(ServedCorpus.fetchByMessageId(admin, DemoCorpus.SENT)).hasSize((int) CORPUS.stream()
                    .filter(m -> m.owner().equals(DemoUsers.ALICE) && m.folder().equals(DemoCorpus.SENT))
                    .count());
        } finally {
            admin.close();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> Session.getInstance(new Properties())
                        .getStore("imap")
                        .connect(server.host(), server.imapPort(), DemoUsers.MALLORY, "guess"))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void closingStopsDovecotAndRemovesItsWorkDirectory() {
        DovecotDemoServer another = DovecotDemoServer.start(0, 0, CORPUS.subList(0, 3));
        Path work = Path.of(another.description().replaceAll(".*\\(throwaway, in (.*)\\)", "$1"));
        assertThat(work).isDirectory();
        another.close();
        assertThat(Files.exists(work)).isFalse();
        assertThatThrownBy(() -> new java.net.Socket(another.host(), another.imapPort()))
                .isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void aConfigurationHoldingTheSensorTokenIsTheOwnersAloneWhateverTheUmask(@TempDir Path dir) throws Exception {
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        EventExporter exporter = new EventExporter(
                java.net.URI.create("https://dovecot:mt_secret@127.0.0.1:9/api/v1/sensors/dovecot"), ca);
        try (DovecotDemoServer native_ = DovecotDemoServer.start(0, 0, CORPUS.subList(0, 1), exporter)) {
            assertThat(Files.readString(native_.configFile())).contains("mt_secret");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(native_.configFile())))
                    .isEqualTo("rw-------");
        }
    }
}
