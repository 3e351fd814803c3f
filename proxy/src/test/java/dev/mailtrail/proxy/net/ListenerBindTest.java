package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.PlaintextAuth;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listener that cannot be opened stops the start with a sentence naming the listener, not a stack trace. */
class ListenerBindTest {

    @Test
    void aPortInUseIsNamedWithItsListener() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProxyConfig config = ProxyConfig.of(
                    List.of(new ListenerConfig(
                            "imap",
                            MailProtocol.IMAP,
                            "127.0.0.1",
                            taken.getLocalPort(),
                            TlsMode.NONE,
                            false,
                            PlaintextAuth.SECURE_ONLY)),
                    null,
                    java.util.Map.of(
                            MailProtocol.IMAP,
                            UpstreamConfig.plain("127.0.0.1", 143),
                            MailProtocol.POP3,
                            UpstreamConfig.plain("127.0.0.1", 110)));
            assertThatThrownBy(() -> ProxyServer.start(config, new RecordingAuditSink()))
                    .isInstanceOf(ProxyStartException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + " ([listener imap]): the port is in use by another program");
        }
    }
}
