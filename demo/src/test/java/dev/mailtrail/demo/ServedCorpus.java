package dev.mailtrail.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.corpus.SeedMessage;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPMessage;

/** Reads a demo server over IMAP (Jakarta Mail) and checks it serves the corpus exactly as seeded. */
public final class ServedCorpus {
    private ServedCorpus() {}

    /** Logs in to {@code server} as {@code user} with the demo password. */
    public static Store login(DemoMailServer server, String user) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(server.host(), server.imapPort(), user, DemoUsers.PASSWORD);
        return store;
    }

    /**
     * Asserts that every message of every mailbox owner is served with its seeded bytes and with their length
     * as RFC822.SIZE; returns how many were checked.
     */
    public static int assertServedAsSeeded(DemoMailServer server, List<SeedMessage> corpus) throws Exception {
        int checked = 0;
        for (String owner : DemoUsers.mailboxOwners()) {
            Store store = login(server, owner);
            try {
                for (String folderName : DemoCorpus.folders(corpus, owner)) {
                    Map<String, Message> served = fetchByMessageId(store, folderName);
                    List<SeedMessage> seeded = corpus.stream()
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
                        checked++;
                    }
                }
            } finally {
                store.close();
            }
        }
        return checked;
    }

    /** The messages of {@code folderName}, fetched with size, UID and Message-ID, keyed by Message-ID. */
    public static Map<String, Message> fetchByMessageId(Store store, String folderName) throws Exception {
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
