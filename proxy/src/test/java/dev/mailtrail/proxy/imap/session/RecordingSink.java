package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.session.AccessEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Records events in order, after OkHttp's recorded call events, and renders them one line each. */
public final class RecordingSink implements AccessEventSink {

    public final List<MailboxAccess> events = new ArrayList<>();

    @Override
    public void accept(MailboxAccess event) {
        events.add(event);
    }

    public List<String> lines() {
        return events.stream().map(RecordingSink::render).toList();
    }

    /** {@code Operation[/Type] actor mailbox LogonType [path] [-> dest] [items] {params}}. */
    public static String render(MailboxAccess e) {
        StringBuilder b = new StringBuilder(e.operation().exchangeName());
        if (e.accessType() != null) {
            b.append('/').append(e.accessType().exchangeName());
        }
        b.append(' ').append(e.actor()).append(' ').append(e.mailbox()).append(' ');
        b.append(e.logonType().cmdletName());
        if (e.folder() != null) {
            b.append(' ').append(e.folder().path());
        }
        if (e.destFolder() != null) {
            b.append(" -> ").append(e.destFolder().path());
        }
        if (!e.items().isEmpty()) {
            b.append(" [")
                    .append(e.items().stream().map(RecordingSink::item).collect(Collectors.joining(",")))
                    .append(']');
        }
        if (!e.parameters().isEmpty()) {
            b.append(" {")
                    .append(e.parameters().stream()
                            .map(p -> p.name() + "=" + p.value())
                            .collect(Collectors.joining("; ")))
                    .append('}');
        }
        return b.toString();
    }

    private static String item(ItemRef i) {
        if (i.internetMessageId() != null) {
            return i.internetMessageId();
        }
        return i.id().substring(i.id().lastIndexOf(';') + 1);
    }
}
