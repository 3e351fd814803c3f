package dev.mailtrail.bench.proxy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal blocking IMAP client for the bench: LOGIN, EXAMINE, {@code UID FETCH n (BODY.PEEK[])} one at a time (as
 * a person's client reads one message) or pipelined (as mbsync downloads), IDLE. It consumes literals by their announced length and checks each
 * tagged response is OK; anything else fails the run, because a bench of failing commands measures nothing.
 */
final class ImapBenchClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    private ImapBenchClient(Socket socket, int bufferBytes) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), bufferBytes);
        this.out = socket.getOutputStream();
    }

    static ImapBenchClient connect(String host, int port) throws IOException {
        return connect(host, port, 64 * 1024);
    }

    /** Connects with a read buffer of {@code bufferBytes}: small for the idle sessions, whose memory is counted. */
    static ImapBenchClient connect(String host, int port, int bufferBytes) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(120_000);
        ImapBenchClient client = new ImapBenchClient(socket, bufferBytes);
        String greeting = client.line();
        if (!greeting.startsWith("* OK")) {
            client.close();
            throw new IOException("unexpected greeting from " + host + ":" + port + ": " + greeting);
        }
        return client;
    }

    void login(String user, String password) throws IOException {
        command("LOGIN " + user + " " + password);
    }

    /** Opens {@code folder} read-only; returns its message count (EXISTS). */
    int examine(String folder) throws IOException {
        String tagged = send("EXAMINE " + folder);
        int exists = -1;
        while (true) {
            String line = line();
            if (line.endsWith(" EXISTS")) {
                exists = Integer.parseInt(line.substring(2, line.length() - " EXISTS".length()));
            }
            if (line.startsWith(tagged + " ")) {
                requireOk(tagged, line);
                return exists;
            }
        }
    }

    /** Fetches one message's content; returns how many literal bytes arrived. */
    long fetchBody(long uid) throws IOException {
        return awaitFetch(sendFetch(uid));
    }

    /** Sends {@code UID FETCH uid (BODY.PEEK[])} without waiting (pipelining, as mbsync does); returns its tag. */
    String sendFetch(long uid) throws IOException {
        return send("UID FETCH " + uid + " (BODY.PEEK[])");
    }

    /** Sends {@code UID FETCH uid (items)} without waiting; returns its tag. */
    String sendFetch(long uid, String items) throws IOException {
        return send("UID FETCH " + uid + " (" + items + ")");
    }

    /** Reads up to the tagged OK of the fetch sent as {@code tagged}; returns how many literal bytes arrived. */
    long awaitFetch(String tagged) throws IOException {
        long bytes = 0;
        while (true) {
            String line = line();
            if (line.startsWith(tagged + " ")) {
                requireOk(tagged, line);
                return bytes;
            }
            int open = line.lastIndexOf('{');
            if (line.endsWith("}") && open >= 0) {
                long length = Long.parseLong(line.substring(open + 1, line.length() - 1));
                in.skipNBytes(length);
                bytes += length;
            }
        }
    }

    /** Sends IDLE and returns once the server says it is idling. */
    void idle() throws IOException {
        send("IDLE");
        String line = line();
        if (!line.startsWith("+")) {
            throw new IOException("IDLE refused: " + line);
        }
    }

    private void command(String command) throws IOException {
        String tagged = send(command);
        while (true) {
            String line = line();
            if (line.startsWith(tagged + " ")) {
                requireOk(tagged, line);
                return;
            }
        }
    }

    private String send(String command) throws IOException {
        String tagged = "b" + (++tag);
        out.write((tagged + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return tagged;
    }

    private static void requireOk(String tagged, String line) throws IOException {
        if (!line.startsWith(tagged + " OK")) {
            throw new IOException("command failed: " + line);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed; read so far: " + line);
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
            }
            line.write(b);
            previous = b;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
