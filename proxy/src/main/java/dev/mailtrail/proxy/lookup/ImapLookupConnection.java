package dev.mailtrail.proxy.lookup;

import dev.mailtrail.proxy.config.LookupAccount;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapResponseScanner;
import dev.mailtrail.proxy.session.MessageIdentity;
import dev.mailtrail.proxy.session.MessageSelection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The proxy's own IMAP connection to the mail server, logged in to one mailbox at a time as the lookup account
 * ({@code AUTHENTICATE PLAIN} with the mailbox as authorisation id: Dovecot's master users, Cyrus' proxy
 * authorisation). It only EXAMINEs and fetches with PEEK, so nothing a client sees changes: no {@code \Seen}, no
 * {@code \Recent} taken. Blocking, with a read timeout; used by one thread at a time.
 */
final class ImapLookupConnection implements AutoCloseable {

    /** A message as the server names it: its number in the folder now, its UID and its identity. */
    record Found(long sequence, long uid, MessageIdentity identity) {}

    private static final int CAPTURE = 4096;

    private final UpstreamConfig upstream;
    private final LookupAccount account;
    private final SSLSocketFactory tls;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    private ImapResponseScanner scanner;
    private final List<ImapResponse> ready = new ArrayList<>();
    private String mailbox;
    private int tags;

    ImapLookupConnection(UpstreamConfig upstream, LookupAccount account, SSLSocketFactory tls) {
        this.upstream = upstream;
        this.account = account;
        this.tls = tls;
    }

    /**
     * The messages of {@code selection} in {@code folder} of {@code owner}'s mailbox; empty when the folder's
     * UIDVALIDITY is no longer {@code uidValidity} (0: any), since its UIDs then name other messages.
     */
    List<Found> find(String owner, String folder, long uidValidity, MessageSelection selection) throws IOException {
        loginAs(owner);
        String items = " (UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID SUBJECT)])";
        // EXAMINE and the next command go in one write: one round trip, its answer dropped if UIDVALIDITY changed
        String examine = nextTag();
        String next = nextTag();
        String command =
                switch (selection) {
                    case MessageSelection.Uids u -> "UID FETCH " + set(u.uids()) + items;
                    case MessageSelection.Sequences s -> "FETCH " + s.set() + items;
                    case MessageSelection.Deleted d -> "UID SEARCH DELETED";
                };
        send(examine + " EXAMINE " + quoted(folder) + "\r\n" + next + " " + command + "\r\n");
        List<ImapResponse> examined = untilTagged(examine);
        expectOk(examine, examined, "EXAMINE " + folder);
        List<ImapResponse> answer = untilTagged(next);
        expectOk(next, answer, command);
        if (uidValidity != 0 && uidValidity(examined) != uidValidity) {
            return List.of();
        }
        if (selection instanceof MessageSelection.Deleted) {
            List<Long> deleted = searched(answer);
            if (deleted.isEmpty()) {
                return List.of();
            }
            answer = command("UID FETCH " + set(deleted) + items);
        }
        List<Found> found = new ArrayList<>();
        for (ImapResponse r : answer) {
            if (r instanceof ImapResponse.Fetch f && f.uid().isPresent()) {
                String id = null;
                String subject = null;
                for (var s : f.sections()) {
                    id = id != null ? id : s.headerField("Message-ID").orElse(null);
                    subject =
                            subject != null ? subject : s.headerField("Subject").orElse(null);
                }
                Long size = f.rfc822Size().isPresent() ? f.rfc822Size().getAsLong() : null;
                found.add(new Found(f.sequence(), f.uid().getAsLong(), new MessageIdentity(id, subject, size)));
            }
        }
        return found;
    }

    private void loginAs(String owner) throws IOException {
        if (socket != null && owner.equals(mailbox)) {
            return;
        }
        close();
        connect();
        String plain = owner + "\0" + account.user() + "\0" + account.password();
        String tag = nextTag();
        send(tag + " AUTHENTICATE PLAIN\r\n");
        ImapResponse first = next();
        if (!(first instanceof ImapResponse.Continuation)) {
            throw new IOException("the server refused AUTHENTICATE PLAIN: " + first);
        }
        send(Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)) + "\r\n");
        expectOk(tag, untilTagged(tag), "log in to " + owner + " as " + account.user());
        mailbox = owner;
    }

    private void connect() throws IOException {
        Socket plain = new Socket();
        int timeout = (int) upstream.connectTimeout().toMillis();
        plain.connect(new InetSocketAddress(upstream.host(), upstream.port()), timeout);
        plain.setSoTimeout((int) upstream.responseTimeout().toMillis());
        socket = upstream.tls() == TlsMode.IMPLICIT ? secure(plain) : plain;
        streams();
        if (!(next() instanceof ImapResponse.Status greeting)
                || !greeting.status().equals("OK")) {
            throw new IOException("the server did not greet with OK");
        }
        if (upstream.tls() == TlsMode.STARTTLS) {
            String tag = nextTag();
            send(tag + " STARTTLS\r\n");
            expectOk(tag, untilTagged(tag), "start TLS");
            socket = secure(plain);
            streams();
        }
    }

    private Socket secure(Socket plain) throws IOException {
        SSLSocket s = (SSLSocket) tls.createSocket(plain, upstream.host(), upstream.port(), true);
        if (upstream.verify()) {
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(p);
        }
        s.startHandshake();
        return s;
    }

    private void streams() throws IOException {
        in = socket.getInputStream();
        out = socket.getOutputStream();
        scanner = new ImapResponseScanner(64 * 1024, CAPTURE);
        ready.clear();
    }

    private static long uidValidity(List<ImapResponse> examined) {
        for (ImapResponse r : examined) {
            if (r instanceof ImapResponse.Status s
                    && s.code() != null
                    && s.code().name().equals("UIDVALIDITY")) {
                return s.code().number().orElse(0);
            }
        }
        return 0;
    }

    private static List<Long> searched(List<ImapResponse> answer) {
        List<Long> uids = new ArrayList<>();
        for (ImapResponse r : answer) {
            if (r instanceof ImapResponse.Other o && o.name().equals("SEARCH")) {
                for (String w : o.firstLine().strip().split(" ")) {
                    if (!w.isEmpty() && w.chars().allMatch(Character::isDigit)) {
                        uids.add(Long.parseLong(w));
                    }
                }
            }
        }
        return uids;
    }

    private List<ImapResponse> command(String text) throws IOException {
        String tag = nextTag();
        send(tag + " " + text + "\r\n");
        List<ImapResponse> answer = untilTagged(tag);
        expectOk(tag, answer, text);
        return answer;
    }

    private static void expectOk(String tag, List<ImapResponse> answer, String what) throws IOException {
        ImapResponse last = answer.getLast();
        if (!(last instanceof ImapResponse.Tagged t)
                || !t.tag().equals(tag)
                || !t.status().equals("OK")) {
            throw new IOException("the server refused to " + what + ": " + last);
        }
    }

    private List<ImapResponse> untilTagged(String tag) throws IOException {
        List<ImapResponse> answer = new ArrayList<>();
        while (true) {
            ImapResponse r = next();
            answer.add(r);
            if (r instanceof ImapResponse.Tagged t && t.tag().equals(tag)) {
                return answer;
            }
            if (r instanceof ImapResponse.Status s && s.status().equals("BYE")) {
                throw new IOException("the server ended the lookup connection: " + s.text());
            }
        }
    }

    private ImapResponse next() throws IOException {
        byte[] buffer = new byte[8192];
        while (ready.isEmpty()) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the server closed the lookup connection");
            }
            ready.addAll(scanner.feed(ByteBuffer.wrap(buffer, 0, n)));
        }
        return ready.removeFirst();
    }

    private void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String nextTag() {
        return "L" + (++tags);
    }

    private static String set(List<Long> uids) {
        return uids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** A folder name as an IMAP quoted string (names with CR or LF cannot be looked up and never reach here). */
    static String quoted(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Ends a lookup blocked in a read, from another thread; the lookup fails and the next one connects again. */
    void abort() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }

    @Override
    public void close() {
        mailbox = null;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone: the next lookup connects again
            }
            socket = null;
        }
    }
}
