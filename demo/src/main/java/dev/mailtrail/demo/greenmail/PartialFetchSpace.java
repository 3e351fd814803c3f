package dev.mailtrail.demo.greenmail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves GreenMail's IMAP with one grammar error of GreenMail's put right. GreenMail (through 2.1.9) answers a
 * partial fetch such as Thunderbird's preview {@code BODY.PEEK[]<0.100>} with {@code BODY[]<0>{100}}: RFC 9051
 * §7.5.2 wants a space before the literal ({@code BODY[]<0> {100}}). A client, or the auditing proxy in strict
 * mode, that reads the grammar as written cannot tell where the literal starts, and the proxy ends the session
 * rather than pass bytes it cannot name. GreenMail builds that text inside a package-private command with no hook,
 * so the demo puts this relay in front of it: server output is read line by line, literal data is passed through
 * untouched, and only a line that ends in {@code ]<N>{n}} gains its space. Nothing else changes.
 */
final class PartialFetchSpace implements AutoCloseable {

    private static final int MAX_LINE = 1 << 20;

    private final ServerSocket listener;
    private final InetSocketAddress greenMail;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private PartialFetchSpace(ServerSocket listener, InetSocketAddress greenMail) {
        this.listener = listener;
        this.greenMail = greenMail;
    }

    /** Listens on {@code host}:{@code port} (0: any free port) and relays every connection to {@code greenMail}. */
    static PartialFetchSpace start(String host, int port, InetSocketAddress greenMail) {
        try {
            ServerSocket listener = new ServerSocket(port, 50, InetAddress.getByName(host));
            PartialFetchSpace relay = new PartialFetchSpace(listener, greenMail);
            Thread.ofVirtual().name("greenmail-imap-relay").start(relay::accept);
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's IMAP relay cannot listen on " + host + ":" + port, e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        try (client;
                Socket server = new Socket(greenMail.getAddress(), greenMail.getPort())) {
            open.add(client);
            open.add(server);
            Thread.ofVirtual().start(() -> copy(client, server));
            fix(server.getInputStream(), client.getOutputStream());
            // GreenMail closed (after LOGOUT, or its own error): so does the client's side.
        } catch (IOException e) {
            // a side closed: the connection is over
        } finally {
            open.remove(client);
        }
    }

    private void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to);
        }
    }

    /** Server output: lines fixed, literal data passed as it is. */
    static void fix(InputStream raw, OutputStream out) throws IOException {
        InputStream in = new BufferedInputStream(raw, 64 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b != '\n' && line.size() < MAX_LINE) {
                continue;
            }
            byte[] bytes = line.toByteArray();
            line.reset();
            long literal = literalSize(bytes);
            out.write(literal >= 0 ? spaced(bytes) : bytes);
            copy(in, out, literal);
            if (in.available() == 0) {
                out.flush();
            }
        }
        out.flush();
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** The size of the literal a line announces ({@code …{n}\r\n}), or -1. */
    static long literalSize(byte[] line) {
        int end = line.length - 1;
        if (end < 3 || line[end] != '\n' || line[end - 1] != '\r' || line[end - 2] != '}') {
            return -1;
        }
        int i = end - 3;
        long size = 0;
        long scale = 1;
        while (i >= 0 && line[i] >= '0' && line[i] <= '9' && scale <= 1_000_000_000_000L) {
            size += (line[i] - '0') * scale;
            scale *= 10;
            i--;
        }
        return i >= 0 && line[i] == '{' && i < end - 3 ? size : -1;
    }

    /** {@code …]<N>{n}\r\n} becomes {@code …]<N> {n}\r\n}; any other line is returned as it is. */
    static byte[] spaced(byte[] line) {
        int brace = line.length - 3;
        while (line[brace] != '{') {
            brace--;
        }
        int i = brace - 1;
        if (i < 0 || line[i] != '>') {
            return line;
        }
        i--;
        int digits = 0;
        while (i >= 0 && line[i] >= '0' && line[i] <= '9') {
            i--;
            digits++;
        }
        if (digits == 0 || i < 1 || line[i] != '<' || line[i - 1] != ']') {
            return line;
        }
        byte[] out = new byte[line.length + 1];
        System.arraycopy(line, 0, out, 0, brace);
        out[brace] = ' ';
        System.arraycopy(line, brace, out, brace + 1, line.length - brace);
        return out;
    }

    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(PartialFetchSpace::closeQuietly);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
