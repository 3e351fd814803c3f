package dev.mailtrail.proxy.smtp.codec;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The header fields that name a sent message (RFC 5322 §2.2): the first field of a name, unfolded, its encoded words
 * decoded (RFC 2047). Reads the header block {@link SmtpRequest.MessageEnd} kept; raw 8-bit text (RFC 6532) is read
 * as UTF-8.
 */
public final class MessageHeaders {

    private final String text;

    public MessageHeaders(byte[] header) {
        this.text = new String(header, StandardCharsets.UTF_8);
    }

    /** The field's value, unfolded and decoded; empty when the message has no such field. */
    public Optional<String> field(String name) {
        return raw(name).map(EncodedWords::decode);
    }

    /** The field's value unfolded but not decoded (Message-ID, addresses: no encoded words belong there). */
    public Optional<String> raw(String name) {
        String wanted = name.toLowerCase(Locale.ROOT) + ":";
        String[] lines = text.split("\r\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                return Optional.empty();
            }
            if (!lines[i].toLowerCase(Locale.ROOT).startsWith(wanted)) {
                continue;
            }
            StringBuilder value =
                    new StringBuilder(lines[i].substring(wanted.length()).strip());
            while (i + 1 < lines.length
                    && !lines[i + 1].isEmpty()
                    && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                value.append(' ').append(lines[++i].strip());
            }
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }

    /** The message's Message-ID as written ({@code <left@right>}), when it has one. */
    public Optional<String> messageId() {
        return raw("Message-ID")
                .map(v -> {
                    int lt = v.indexOf('<');
                    int gt = v.indexOf('>', Math.max(lt, 0));
                    return lt >= 0 && gt > lt ? v.substring(lt, gt + 1) : v.strip();
                })
                .filter(v -> !v.isEmpty());
    }

    /** The first address of an address field (From, Sender), lower-cased. */
    public Optional<String> address(String name) {
        return raw(name).flatMap(Addresses::first);
    }
}
