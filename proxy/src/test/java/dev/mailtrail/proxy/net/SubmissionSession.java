package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.postfix.PostfixInstance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted submission that changes nothing visible: pipelined envelope with a refused recipient, a dot-stuffed
 * 8-bit message with a long line that Postfix keeps in its hold queue, RSET, NOOP, VRFY, QUIT. Every byte the client
 * receives is returned, so a run straight to Postfix and one through the proxy can be compared.
 */
final class SubmissionSession {

    static final Pattern QUEUE_ID = Pattern.compile("queued as ([0-9A-Za-z]+)");
    static final Pattern EHLO_REPLY = Pattern.compile("(?m)^250-mail\\.mailtrail\\.test\\n(?:250-.*\\n)*250 .*\\n");

    private SubmissionSession() {}

    static String message(String id) {
        return "From: Alice <alice@mailtrail.test>\r\nTo: partner@example.org\r\nSubject: HOLDME Überweisung\r\n"
                + "Date: Mon, 2 Nov 2026 09:00:00 +0000\r\nMessage-ID: <" + id
                + "@mailtrail.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Grüße.\r\n..leading dot, stuffed\r\n" + "y".repeat(3000) + "\r\n\r\nend\r\n";
    }

    static String stuffed(String message) {
        return message.replace("\r\n..", "\r\n...").replace("\r\n.leading", "\r\n..leading");
    }

    /** The session, every byte the client receives; the queue id of the held message in {@code queueId[0]}. */
    static String session(int port, String id, String[] queueId) throws IOException {
        String plain = Base64.getEncoder()
                .encodeToString(("\0alice\0" + DovecotInstance.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            String[][] steps = {
                {null, "1"},
                {"EHLO client.example\r\n", "1"},
                {"AUTH PLAIN " + plain + "\r\n", "1"},
                {
                    "MAIL FROM:<alice@mailtrail.test> BODY=8BITMIME\r\nRCPT TO:<" + PostfixInstance.REFUSED_RECIPIENT
                            + ">\r\nRCPT TO:<partner@example.org>\r\nDATA\r\n",
                    "4"
                },
                {stuffed(message(id)) + ".\r\n", "1"},
                {"RSET\r\nNOOP\r\n", "2"},
                {"VRFY alice\r\n", "1"},
                {"QUIT\r\n", "1"}
            };
            for (String[] step : steps) {
                if (step[0] != null) {
                    out.write(step[0].getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                for (int n = Integer.parseInt(step[1]); n > 0; n--) {
                    String reply = reply(in);
                    Matcher m = QUEUE_ID.matcher(reply);
                    if (m.find()) {
                        queueId[0] = m.group(1);
                    }
                    all.writeBytes(reply.getBytes(StandardCharsets.UTF_8));
                }
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    static String reply(InputStream in) throws IOException {
        StringBuilder reply = new StringBuilder();
        String line;
        do {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\n') {
                if (c == -1) {
                    throw new IOException("connection closed after: " + reply + b);
                }
                b.write(c);
            }
            line = b.toString(StandardCharsets.UTF_8);
            reply.append(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line)
                    .append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        return reply.toString();
    }

    /** The stored message from the client's From: on (Postfix adds a Received: line with its own ids above it). */
    static String bodyAndHeaderAsSent(String stored) {
        return stored.substring(stored.indexOf("From: Alice"));
    }

    static String normalise(String transcript, String queueId) {
        return EHLO_REPLY.matcher(transcript).replaceFirst("EHLO\n").replace(queueId, "QUEUEID");
    }
}
