package dev.mailtrail.investigate.report;

import dev.mailtrail.investigate.mailboxes.IdentityLink;
import dev.mailtrail.investigate.mailboxes.MailboxIdentity;
import dev.mailtrail.investigate.mailboxes.MailboxName;
import java.util.ArrayList;
import java.util.List;

/** The names a scope knew its mailbox by, and what merged them, in words the text and HTML outputs share. */
final class MailboxNamesText {
    private MailboxNamesText() {}

    /** {@code 8f1c… (ExchangeGuid / MailboxGuid)}, one per name. */
    static List<String> names(MailboxIdentity identity) {
        List<String> names = new ArrayList<>();
        for (MailboxName name : identity.names()) {
            names.add(name.text() + " (" + name.kind().exchangeName() + ")");
        }
        return names;
    }

    /** {@code alice@… = 8f1c…: record 5f3c… (…): MailboxGuid of, and 37 more}, one per link merged. */
    static List<String> merges(MailboxIdentity identity) {
        List<String> lines = new ArrayList<>();
        for (IdentityLink link : identity.merged()) {
            lines.add(line(link, " = "));
        }
        for (IdentityLink link : identity.refused()) {
            lines.add("not merged (another mailbox's UPN): " + line(link, " ≠ "));
        }
        return lines;
    }

    private static String line(IdentityLink link, String sign) {
        return link.name().text() + sign + link.other().text() + ": " + link.evidence()
                + (link.records() > 1 ? ", and " + (link.records() - 1) + " more" : "");
    }
}
