package dev.mailtrail.sensor.dovecot;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** The real captured samples of src/test/resources/dovecot-events, and a one-line view of an access event. */
final class CapturedEvents {
    private CapturedEvents() {}

    static List<String> lines(String file) {
        try (InputStream in = CapturedEvents.class.getResourceAsStream("/dovecot-events/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Operation[/AccessType] actor->mailbox (LogonType) folder [-> dest] items @ip}. */
    static String describe(MailboxAccess a) {
        StringBuilder s = new StringBuilder(a.operation().exchangeName());
        if (a.accessType() != null) {
            s.append('/').append(a.accessType());
        }
        s.append(' ')
                .append(a.actor())
                .append("->")
                .append(a.mailbox())
                .append(" (")
                .append(a.logonType())
                .append(')');
        if (a.folder() != null) {
            s.append(' ').append(a.folder().path());
        }
        if (a.destFolder() != null) {
            s.append(" -> ").append(a.destFolder().path());
        }
        if (!a.items().isEmpty()) {
            s.append(' ')
                    .append(a.items().stream().map(CapturedEvents::item).collect(Collectors.joining(",", "[", "]")));
        }
        return s.append(" @").append(a.session().clientIp()).toString();
    }

    private static String item(ItemRef i) {
        String id = i.id().substring(i.id().lastIndexOf(';') + 1);
        return i.internetMessageId() == null ? id : id + " " + i.internetMessageId() + " \"" + i.subject() + "\"";
    }
}
