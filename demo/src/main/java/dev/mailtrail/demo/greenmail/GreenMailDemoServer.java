package dev.mailtrail.demo.greenmail;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailtrail.demo.DemoMailServer;
import dev.mailtrail.demo.DemoUsers;
import dev.mailtrail.demo.LoopbackPort;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.corpus.SeedMessage;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * GreenMail on 127.0.0.1 with the demo's users and messages, in memory: every start begins from the same
 * corpus. Messages are parsed from their raw bytes, never rebuilt, so the bytes GreenMail serves are the seeded
 * ones; their RFC822.SIZE is corrected ({@link Rfc822SizeCorrection}) and its partial fetches are answered in
 * RFC 9051's grammar ({@link PartialFetchSpace}). GreenMail has no NAMESPACE command.
 */
public final class GreenMailDemoServer implements DemoMailServer {
    private static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final PartialFetchSpace imap;

    private GreenMailDemoServer(GreenMail greenMail, PartialFetchSpace imap) {
        this.greenMail = greenMail;
        this.imap = imap;
    }

    /**
     * Starts GreenMail with IMAP and POP3 on the given loopback ports (0: any free port) and seeds it.
     *
     * @throws LoopbackPort.PortUnavailableException naming the port when one is taken
     */
    public static GreenMailDemoServer start(int imapPort, int pop3Port, List<SeedMessage> corpus) {
        LoopbackPort.requireFree(HOST, imapPort, "the demo mail server's IMAP");
        LoopbackPort.requireFree(HOST, pop3Port, "the demo mail server's POP3");
        // GreenMail's own IMAP port is private: clients reach it through the relay that mends its partial fetches.
        ServerSetup imap = new ServerSetup(0, HOST, ServerSetup.PROTOCOL_IMAP).dynamicPort();
        ServerSetup pop3 = new ServerSetup(pop3Port, HOST, ServerSetup.PROTOCOL_POP3);
        ServerSetup smtp = new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort();
        GreenMail greenMail = new GreenMail(new ServerSetup[] {imap, pop3Port == 0 ? pop3.dynamicPort() : pop3, smtp});
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException(
                    "the demo mail server could not listen on " + HOST + " (IMAP port " + imapPort + ", POP3 port "
                            + pop3Port + "): " + e.getMessage(),
                    e);
        }
        PartialFetchSpace relay;
        try {
            relay = PartialFetchSpace.start(
                    HOST,
                    imapPort,
                    new InetSocketAddress(HOST, greenMail.getImap().getPort()));
        } catch (RuntimeException e) {
            greenMail.stop();
            throw e;
        }
        GreenMailDemoServer server = new GreenMailDemoServer(greenMail, relay);
        try {
            server.seed(corpus);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void seed(List<SeedMessage> corpus) {
        ImapHostManager folders = greenMail.getManagers().getImapHostManager();
        Session session = Session.getInstance(new Properties());
        for (String owner : DemoUsers.mailboxOwners()) {
            GreenMailUser user = greenMail.setUser(owner, owner, DemoUsers.PASSWORD);
            for (String folder : DemoCorpus.folders(corpus, owner)) {
                MailFolder mailFolder = folder(folders, user, folder);
                for (SeedMessage message : corpus) {
                    if (message.owner().equals(owner) && message.folder().equals(folder)) {
                        long uid = mailFolder.appendMessage(
                                parse(session, message), flags(message), Date.from(message.received()));
                        Rfc822SizeCorrection.apply(mailFolder.getMessage(uid), message.size());
                    }
                }
            }
        }
    }

    private static MailFolder folder(ImapHostManager folders, GreenMailUser user, String name) {
        try {
            if (name.equals(DemoCorpus.INBOX)) {
                return folders.getInbox(user);
            }
            return folders.createMailbox(user, name);
        } catch (FolderException | com.icegreen.greenmail.imap.AuthorizationException e) {
            throw new IllegalStateException("creating folder " + name + " for " + user.getEmail(), e);
        }
    }

    private static MimeMessage parse(Session session, SeedMessage message) {
        try {
            return new MimeMessage(session, new ByteArrayInputStream(message.rfc5322()));
        } catch (MessagingException e) {
            throw new IllegalStateException("the demo message " + message + " does not parse", e);
        }
    }

    private static Flags flags(SeedMessage message) {
        return message.seen() ? new Flags(Flags.Flag.SEEN) : new Flags();
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int imapPort() {
        return imap.port();
    }

    @Override
    public int pop3Port() {
        return greenMail.getPop3().getPort();
    }

    @Override
    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    @Override
    public String description() {
        return "GreenMail " + version() + " (embedded, in memory)";
    }

    /** GreenMail's version as its jar's Maven metadata gives it (its manifest has none). */
    static String version() {
        try (InputStream in =
                GreenMail.class.getResourceAsStream("/META-INF/maven/com.icegreen/greenmail/pom.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public boolean sharesFolders() {
        return false;
    }

    @Override
    public void close() {
        imap.close();
        greenMail.stop();
    }
}
