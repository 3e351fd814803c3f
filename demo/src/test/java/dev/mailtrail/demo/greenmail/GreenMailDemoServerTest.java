package dev.mailtrail.demo.greenmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.demo.DemoUsers;
import dev.mailtrail.demo.LoopbackPort;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.corpus.SeedMessage;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.InputStream;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPMessage;
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
        List<String> checked = new ArrayList<>();
        for (String owner : DemoUsers.mailboxOwners()) {
            Store store = login(owner);
            try {
                for (String folderName : DemoCorpus.folders(CORPUS, owner)) {
                    Map<String, Message> served = fetchByMessageId(store, folderName);
                    List<SeedMessage> seeded = CORPUS.stream()
                            .filter(m -> m.owner().equals(owner) && m.folder().equals(folderName))
                            .toList();
                    assertThat(served).as("%s %s", owner, folderName).hasSize(seeded.size());
                    for (SeedMessage message : seeded) {
                        IMAPMessage imap = (IMAPMessage) served.get(message.messageId());
                        assertThat(imap).as("%s served", message).isNotNull();
                        assertThat(imap.getSize())
                                .as("RFC822.SIZE of %s", message)
                                .isEqualTo(message.size());
                        try (InputStream raw = imap.getMimeStream()) {
                            assertThat(raw.readAllBytes())
                                    .as("BODY[] of %s", message)
                                    .isEqualTo(message.rfc5322());
                        }
                        checked.add(message.messageId());
                    }
                }
            } finally {
                store.close();
            }
        }
        assertThat(checked).hasSize(CORPUS.size());
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

    private static Store login(String user) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(server.host(), server.imapPort(), user, DemoUsers.PASSWORD);
        return store;
    }

    private static Map<String, Message> fetchByMessageId(Store store, String folderName) throws Exception {
        Folder folder = store.getFolder(folderName);
        folder.open(Folder.READ_ONLY);
        Message[] messages = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.SIZE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add("Message-ID");
        folder.fetch(messages, profile);
        Map<String, Message> byId = new HashMap<>();
        for (Message message : messages) {
            byId.put(message.getHeader("Message-ID")[0], message);
        }
        return byId;
    }
}
