package dev.mailtrail.sensor.dovecot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bare IMAP or POP3 client for driving a real Dovecot: one command, its lines back. */
final class ImapLines implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private int tags;

    ImapLines(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
        in.readLine(); // greeting
    }

    /** An IMAP command; its response lines, the tagged one last. Fails unless tagged OK. */
    List<String> command(String text) throws IOException {
        String tag = "a" + (++tags);
        send(tag + " " + text + "\r\n");
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("closed after " + lines);
            }
            lines.add(line);
            if (line.startsWith(tag + " ")) {
                if (!line.startsWith(tag + " OK")) {
                    throw new IOException(text + " refused: " + line);
                }
                return lines;
            }
        }
    }

    /** APPEND with a synchronising literal. */
    List<String> append(String folder, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        String tag = "a" + (++tags);
        send(tag + " APPEND " + folder + " {" + bytes.length + "}\r\n");
        String go = in.readLine();
        if (go == null || !go.startsWith("+")) {
            throw new IOException("APPEND refused: " + go);
        }
        out.write(bytes);
        send("\r\n");
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
            if (line.startsWith(tag + " ")) {
                return lines;
            }
        }
        throw new IOException("closed during APPEND");
    }

    /** A POP3 command with a one-line answer. */
    String pop3(String text) throws IOException {
        send(text + "\r\n");
        return in.readLine();
    }

    /** A POP3 command with a multi-line answer (RETR, LIST, UIDL), up to the lone dot. */
    List<String> pop3Multi(String text) throws IOException {
        send(text + "\r\n");
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
            if (line.equals(".") || (lines.size() == 1 && line.startsWith("-ERR"))) {
                return lines;
            }
        }
        throw new IOException("closed during " + text);
    }

    private void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
