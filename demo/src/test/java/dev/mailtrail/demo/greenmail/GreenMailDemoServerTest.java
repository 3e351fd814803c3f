package dev.mailtrail.demo.greenmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.demo.DemoUsers;
import dev.mailtrail.demo.LoopbackPort;
import dev.mailtrail.demo.ServedCorpus;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.corpus.SeedMessage;
import jakarta.mail.Session;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GreenMailDemoServerTest {
    private static final List<SeedMessage> CORPUS = DemoCorpus.messages();
    private static GreenMailDemoServer server;

    @BeforeAll
    static void start() {
        server = GreenMailDemoServer.start(0, 0, CORPUS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everySeededMessageIsServedWithItsByteLengthAsRfc822SizeAndItsExactBytes() throws Exception {
        assertThat(ServedCorpus.assertServedAsSeeded(server, CORPUS)).isEqualTo(CORPUS.size());
    }

    @Test
    void theDescriptionNamesGreenMailsVersion() {
        assertThat(server.description()).matches("GreenMail 2\\.\\d+\\.\\d+ \\(embedded, in memory\\)");
    }

    @Test
    void aWrongPasswordIsRefused() {
        Session session = Session.getInstance(new Properties());
        assertThatThrownBy(() ->
                        session.getStore("imap").connect(server.host(), server.imapPort(), DemoUsers.ALICE, "not-demo"))
                .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
    }

    @Test
    void aTakenPortIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> GreenMailDemoServer.start(taken.getLocalPort(), 0, CORPUS))
                    .isInstanceOf(LoopbackPort.PortUnavailableException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1")
                    .hasMessageContaining("IMAP");
        }
    }
}
