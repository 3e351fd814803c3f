package dev.mailtrail.app.cluster;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail client reading whole messages over IMAP ({@code FETCH n (BODY.PEEK[])}, one command at a time) and keeping
 * what it received of each: the message's Message-ID, read from the bytes that came, and how many of them came.
 * A connection that ends (a proxy killed, a session closed with {@code BYE}) ends the read where it was.
 */
final class ImapReader implements AutoCloseable {
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>");
    /** Enough of a message's start to hold its header. */
    private static final int HEAD = 8192;

    /**
     * One read as the client saw it.
     *
     * @param messageId the Message-ID without angle brackets, or null when no byte of the message came
     * @param received bytes of the message received
     * @param size the message's size the server announced, or -1 when no answer came
     * @param answer the tagged answer or {@code BYE} line that ended it, or why the connection ended
     */
    record Read(int number, String messageId, long received, long size, String answer) {
        boolean receivedAny() {
            return received > 0 && messageId != null;
        }

        boolean whole() {
            return size >= 0 && received == size;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tags;
    private boolean ended;

    private ImapReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code port}, logs {@code user} in and selects INBOX; fails naming what the server said. */
    static ImapReader open(int port, String user, String password) throws IOException {
        ImapReader reader = new ImapReader(new Socket("127.0.0.1", port));
        reader.socket.setSoTimeout(60_000);
        try {
            String greeting = reader.line();
            if (!greeting.startsWith("* OK")) {
                throw new IOException("the proxy on port " + port + " greeted with: " + greeting);
            }
            reader.command("LOGIN " + user + " " + password);
            reader.command("SELECT INBOX");
            return reader;
        } catch (IOException e) {
            reader.close();
            throw e;
        }
    }

    /** Reads message {@code number} whole. */
    Read fetch(int number) {
        return fetch(number, Long.MAX_VALUE, () -> {});
    }

    /**
     * Reads message {@code number}; once {@code after} bytes of it came, runs {@code meanwhile} (a kill, say) on this
     * thread and reads on until the message, the connection or the session ends.
     */
    Read fetch(int number, long after, Runnable meanwhile) {
        String tag = "f" + (++tags);
        String messageId = null;
        long received = 0;
        long size = -1;
        try {
            send(tag + " FETCH " + number + " (BODY.PEEK[])");
            while (true) {
                String line = line();
                if (line.startsWith(tag + " ") || line.startsWith("* BYE")) {
                    ended |= line.startsWith("* BYE");
                    return new Read(number, messageId, received, size, line);
                }
                Matcher literal = LITERAL.matcher(line);
                if (!literal.find()) {
                    continue;
                }
                size = Long.parseLong(literal.group(1));
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                byte[] buffer = new byte[1 << 16];
                boolean signalled = false;
                while (received < size) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - received));
                    if (n < 0) {
                        ended = true;
                        return new Read(number, messageId, received, size, "(the connection ended)");
                    }
                    if (head.size() < HEAD) {
                        head.write(buffer, 0, Math.min(n, HEAD - head.size()));
                        Matcher id = MESSAGE_ID.matcher(head.toString(StandardCharsets.US_ASCII));
                        messageId = id.find() ? id.group(1) : null;
                    }
                    received += n;
                    if (!signalled && received >= after) {
                        signalled = true;
                        meanwhile.run();
                    }
                }
            }
        } catch (IOException e) {
            ended = true;
            return new Read(number, messageId, received, size, "(the connection ended: " + e.getMessage() + ")");
        }
    }

    /** Whether the session is over (the connection ended or the server said BYE). */
    boolean ended() {
        return ended;
    }

    private void command(String command) throws IOException {
        String tag = "c" + (++tags);
        send(tag + " " + command);
        for (String line = line(); ; line = line()) {
            if (line.startsWith(tag + " ")) {
                if (!line.startsWith(tag + " OK")) {
                    throw new IOException(command.split(" ")[0] + " answered: " + line);
                }
                return;
            }
            if (line.startsWith("* BYE")) {
                throw new IOException(command.split(" ")[0] + " answered: " + line);
            }
        }
    }

    private void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection ended");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        try {
            if (!ended) {
                send("z LOGOUT");
            }
        } catch (IOException e) {
            // the connection is already gone
        }
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
