package dev.mailtrail.bench.proxy;

import dev.mailtrail.demo.corpus.SeedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The bench's mail: one mailbox with a folder of small messages and a folder of 1 MB messages (a base64
 * attachment), deterministic so that every run fetches the same bytes.
 */
public final class BenchCorpus {
    public static final String OWNER = "alice@demo.test";
    public static final String SMALL = "Small";
    public static final String LARGE = "Large";

    private BenchCorpus() {}

    public static List<SeedMessage> messages(int smallCount, int smallBytes, int largeCount, int largeBytes) {
        List<SeedMessage> messages = new ArrayList<>(smallCount + largeCount);
        for (int i = 1; i <= smallCount; i++) {
            messages.add(message(SMALL, i, smallBytes));
        }
        for (int i = 1; i <= largeCount; i++) {
            messages.add(message(LARGE, i, largeBytes));
        }
        return messages;
    }

    private static SeedMessage message(String folder, int number, int size) {
        String messageId = "<bench." + folder.toLowerCase(java.util.Locale.ROOT) + "." + number + "@demo.test>";
        String subject = folder + " message " + number;
        String header = "Message-ID: " + messageId + "\r\n"
                + "Date: Mon, 2 Nov 2026 09:00:00 +0000\r\n"
                + "From: Bench Sender <sender@demo.test>\r\n"
                + "To: Alice Carter <alice@demo.test>\r\n"
                + "Subject: " + subject + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        int bodyBytes = Math.max(0, size - header.length());
        // 76 base64 characters and CRLF per line: 57 raw bytes a line.
        int lines = bodyBytes / 78;
        byte[] raw = new byte[lines * 57];
        new SplittableRandom(number * 31L + size).nextBytes(raw);
        String body = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(raw)
                + "\r\n";
        byte[] bytes = (header + body).getBytes(StandardCharsets.US_ASCII);
        return new SeedMessage(OWNER, folder, messageId, subject, Instant.parse("2026-11-02T09:00:00Z"), true, bytes);
    }
}
