package dev.mailtrail.store.anchor;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The text form of a digest file, one line per fact so that a person (or {@code grep}) can read it:
 *
 * <pre>
 * mailtrail-digest 1
 * sequence 12
 * time 2026-12-06T09:00:00Z
 * previous 11 9f86d08…
 * key 3a7bd3e…
 * scope changes
 * chain mailbox-audit-log 42 e3b0c44… mailbox%3Aalice%40example.com
 * signature MEUCIQ…
 * </pre>
 *
 * The signature (Ed25519, base64) covers every byte before its line. A file whose last line is not a complete
 * signature line was cut short while it was written (a crash): it is <em>torn</em>, not forged.
 */
public final class DigestFile {
    static final String MAGIC = "mailtrail-digest 1";
    private static final String SIGNATURE = "signature ";
    private static final HexFormat HEX = HexFormat.of();

    private DigestFile() {}

    /** The file name of digest {@code sequence}: zero-padded, so that names sort as sequences do. */
    public static String name(long sequence) {
        return String.format(Locale.ROOT, "digest-%012d.txt", sequence);
    }

    /** The sequence a file name claims, or -1 when it is not a digest file's name. */
    public static long sequenceOf(String fileName) {
        if (!fileName.matches("digest-\\d{12}\\.txt")) {
            return -1;
        }
        return Long.parseLong(fileName.substring(7, 19));
    }

    /** The bytes a signature covers. */
    public static byte[] signedPart(Digest digest) {
        StringBuilder text = new StringBuilder();
        text.append(MAGIC).append('\n');
        text.append("sequence ").append(digest.sequence()).append('\n');
        text.append("time ").append(digest.time()).append('\n');
        text.append("previous ")
                .append(digest.previousSequence())
                .append(' ')
                .append(HEX.formatHex(digest.previousHash()))
                .append('\n');
        text.append("key ").append(digest.keyId()).append('\n');
        text.append("scope ").append(digest.full() ? "full" : "changes").append('\n');
        for (AnchoredChain chain : digest.chains()) {
            text.append("chain ")
                    .append(chain.log())
                    .append(' ')
                    .append(chain.position())
                    .append(' ')
                    .append(HEX.formatHex(chain.head()))
                    .append(' ')
                    .append(URLEncoder.encode(chain.chain(), StandardCharsets.UTF_8))
                    .append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A whole file: the signed part and its signature line. */
    public static byte[] encode(Digest digest, byte[] signature) {
        byte[] signed = signedPart(digest);
        byte[] line =
                (SIGNATURE + Base64.getEncoder().encodeToString(signature) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[signed.length + line.length];
        System.arraycopy(signed, 0, file, 0, signed.length);
        System.arraycopy(line, 0, file, signed.length, line.length);
        return file;
    }

    /** SHA-256 of a digest file's bytes: what the next digest chains to. */
    public static byte[] hash(byte[] file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(file);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** What a file holds: a digest with its signature, a torn file, or text that is not a digest at all. */
    public sealed interface Parsed {}

    /** A complete digest; {@code signed} are the bytes its signature covers. */
    public record Complete(Digest digest, byte[] signed, byte[] signature, byte[] fileHash) implements Parsed {}

    /** A file cut short before its signature line was complete. */
    public record Torn(long length) implements Parsed {}

    /** A complete-looking file that does not read as a digest. */
    public record Unreadable(String reason) implements Parsed {}

    public static Parsed parse(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        int lastLine = text.lastIndexOf('\n', text.length() - 2) + 1;
        boolean complete = text.endsWith("\n") && text.startsWith(SIGNATURE, lastLine);
        if (!complete) {
            return MAGIC.startsWith(text.substring(0, Math.min(text.length(), MAGIC.length())))
                    ? new Torn(file.length)
                    : new Unreadable("not a digest file");
        }
        try {
            byte[] signature =
                    Base64.getDecoder().decode(text.substring(lastLine + SIGNATURE.length(), text.length() - 1));
            String[] lines = text.substring(0, lastLine).split("\n", -1);
            if (!lines[0].equals(MAGIC)) {
                return new Unreadable("not a digest file");
            }
            long sequence = Long.parseLong(value(lines[1], "sequence"));
            Instant time = Instant.parse(value(lines[2], "time"));
            String[] previous = value(lines[3], "previous").split(" ");
            String keyId = value(lines[4], "key");
            boolean full = value(lines[5], "scope").equals("full");
            List<AnchoredChain> chains = new ArrayList<>();
            for (int i = 6; i < lines.length - 1; i++) {
                String[] parts = value(lines[i], "chain").split(" ", 4);
                chains.add(new AnchoredChain(
                        parts[0],
                        URLDecoder.decode(parts[3], StandardCharsets.UTF_8),
                        Long.parseLong(parts[1]),
                        HEX.parseHex(parts[2])));
            }
            Digest digest = new Digest(
                    sequence, time, Long.parseLong(previous[0]), HEX.parseHex(previous[1]), keyId, full, chains);
            byte[] signed = text.substring(0, lastLine).getBytes(StandardCharsets.UTF_8);
            return new Complete(digest, signed, signature, hash(file));
        } catch (RuntimeException e) {
            return new Unreadable("malformed: " + e.getMessage());
        }
    }

    private static String value(String line, String key) {
        if (!line.startsWith(key + " ")) {
            throw new IllegalArgumentException("expected \"" + key + "\", found \"" + line + "\"");
        }
        return line.substring(key.length() + 1);
    }
}
