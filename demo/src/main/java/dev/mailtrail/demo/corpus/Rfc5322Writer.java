package dev.mailtrail.demo.corpus;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes a {@link MessageDraft} as the bytes a mail server stores: CRLF line ends, lines under 78 characters,
 * MIME boundaries derived from the Message-ID so that the same draft always gives the same bytes.
 */
public final class Rfc5322Writer {
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(
                    "EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII));

    private Rfc5322Writer() {}

    /** The message's bytes. */
    public static byte[] write(MessageDraft draft) {
        StringBuilder out = new StringBuilder(4096);
        header(out, "Message-ID", draft.messageId());
        header(out, "Date", DATE.format(draft.date()));
        header(out, "From", draft.from());
        header(out, "To", draft.to());
        header(out, "Subject", draft.subject());
        if (draft.inReplyTo() != null) {
            header(out, "In-Reply-To", draft.inReplyTo());
            header(out, "References", draft.inReplyTo());
        }
        header(out, "MIME-Version", "1.0");
        String tag = boundaryTag(draft.messageId());
        if (draft.attachments().isEmpty()) {
            body(out, draft, tag);
        } else {
            String mixed = "=_mixed_" + tag;
            header(out, "Content-Type", "multipart/mixed; boundary=\"" + mixed + "\"");
            out.append(CRLF)
                    .append("This is a multi-part message in MIME format.")
                    .append(CRLF);
            out.append(CRLF).append("--").append(mixed).append(CRLF);
            body(out, draft, tag);
            for (Attachment attachment : draft.attachments()) {
                out.append(CRLF).append("--").append(mixed).append(CRLF);
                header(out, "Content-Type", attachment.contentType() + "; name=\"" + attachment.fileName() + "\"");
                header(out, "Content-Disposition", "attachment; filename=\"" + attachment.fileName() + "\"");
                header(out, "Content-Transfer-Encoding", "base64");
                out.append(CRLF)
                        .append(BASE64.encodeToString(attachment.content()))
                        .append(CRLF);
            }
            out.append(CRLF).append("--").append(mixed).append("--").append(CRLF);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void body(StringBuilder out, MessageDraft draft, String tag) {
        if (!draft.html()) {
            plainPart(out, draft.text());
            return;
        }
        String alternative = "=_alt_" + tag;
        header(out, "Content-Type", "multipart/alternative; boundary=\"" + alternative + "\"");
        out.append(CRLF).append("--").append(alternative).append(CRLF);
        plainPart(out, draft.text());
        out.append(CRLF).append("--").append(alternative).append(CRLF);
        header(out, "Content-Type", "text/html; charset=UTF-8");
        header(out, "Content-Transfer-Encoding", "7bit");
        out.append(CRLF).append(html(draft.subject(), draft.text()));
        out.append(CRLF).append("--").append(alternative).append("--").append(CRLF);
    }

    private static void plainPart(StringBuilder out, String text) {
        header(out, "Content-Type", "text/plain; charset=UTF-8; format=flowed");
        header(out, "Content-Transfer-Encoding", "7bit");
        out.append(CRLF).append(wrap(text));
    }

    /** The HTML alternative, with bare LF line ends that {@link #wrap} turns into CRLF. */
    private static String html(String title, String text) {
        StringBuilder html = new StringBuilder("<html><head><title>")
                .append(escape(title))
                .append("</title></head><body style=\"font-family:Segoe UI,Arial,sans-serif\">")
                .append('\n');
        for (String paragraph : text.split("\n\n")) {
            html.append("<p>").append(escape(paragraph).replace("\n", "<br>")).append("</p>\n");
        }
        return wrap(html.append("</body></html>").toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Hard-wraps at 76 columns on spaces and turns every line end into CRLF. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (String line : text.split("\n", -1)) {
            while (line.length() > 76) {
                int cut = line.lastIndexOf(' ', 76);
                if (cut <= 0) {
                    cut = 76;
                }
                out.append(line, 0, cut).append(CRLF);
                line = line.substring(cut).stripLeading();
            }
            out.append(line).append(CRLF);
        }
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header " + name + " holds a line break: " + value);
        }
        out.append(name).append(": ").append(value).append(CRLF);
    }

    private static String boundaryTag(String messageId) {
        return String.format(Locale.ROOT, "%08x", messageId.hashCode());
    }
}
