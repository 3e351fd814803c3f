package dev.mailtrail.proxy.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare TCP client speaking lines, for what no mail client will send (PROXY headers, refused commands). */
final class LineClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    LineClient(int port) throws IOException {
        this(null, port);
    }

    /** A client connecting from {@code localAddress} (a loopback address such as 127.0.0.66; null: any). */
    LineClient(String localAddress, int port) throws IOException {
        socket = localAddress == null
                ? new Socket("127.0.0.1", port)
                : new Socket(
                        java.net.InetAddress.getByName("127.0.0.1"),
                        port,
                        java.net.InetAddress.getByName(localAddress),
                        0);
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    LineClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    LineClient send(String line) throws IOException {
        return send((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** One line without its CRLF; null at the end of the stream. */
    String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
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

    /** Bytes that have arrived and not been read. */
    int available() throws IOException {
        return in.available();
    }

    /** The rest of the stream until the server closes it. */
    String rest() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A PROXY protocol v2 header for a TCP/IPv4 connection from {@code source}. */
    static byte[] proxyV2(byte[] source, int sourcePort, byte[] destination, int destinationPort) {
        byte[] h = new byte[16 + 12];
        byte[] sig = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
        System.arraycopy(sig, 0, h, 0, 12);
        h[12] = 0x21; // version 2, PROXY
        h[13] = 0x11; // TCP over IPv4
        h[14] = 0;
        h[15] = 12;
        System.arraycopy(source, 0, h, 16, 4);
        System.arraycopy(destination, 0, h, 20, 4);
        h[24] = (byte) (sourcePort >> 8);
        h[25] = (byte) sourcePort;
        h[26] = (byte) (destinationPort >> 8);
        h[27] = (byte) destinationPort;
        return h;
    }
}
