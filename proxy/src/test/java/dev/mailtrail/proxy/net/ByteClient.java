package dev.mailtrail.proxy.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare TCP client that reads lines and counts bytes, for responses too large to keep (a 40 MB message read in
 * part, then the socket closed or half-closed).
 */
final class ByteClient implements AutoCloseable {

    final Socket socket;
    private final InputStream in;

    ByteClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    ByteClient send(String line) throws IOException {
        socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return this;
    }

    /** One line without its CRLF; null at the end of the stream. */
    String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** Lines up to and including the first that starts with {@code prefix}. */
    String until(String prefix) throws IOException {
        StringBuilder all = new StringBuilder();
        String l;
        while ((l = line()) != null) {
            all.append(l).append('\n');
            if (l.startsWith(prefix)) {
                return all.toString();
            }
        }
        throw new IOException("connection ended before a line starting with " + prefix + ": " + all);
    }

    /** Reads and drops {@code n} bytes; fails if the stream ends first. */
    void skip(long n) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = n;
        while (left > 0) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (r < 0) {
                throw new IOException("stream ended " + left + " bytes early");
            }
            left -= r;
        }
    }

    /** Reads everything until the other side closes: how many bytes, and the last lines. */
    String drain() throws IOException {
        byte[] buffer = new byte[1 << 16];
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        int r;
        while ((r = in.read(buffer)) >= 0) {
            tail.write(buffer, 0, r);
            if (tail.size() > 1 << 20) {
                byte[] keep = tail.toByteArray();
                tail.reset();
                tail.write(keep, keep.length - 4096, 4096);
            }
        }
        return tail.toString(StandardCharsets.ISO_8859_1);
    }

    /** Bytes that have arrived and not been read. */
    int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
