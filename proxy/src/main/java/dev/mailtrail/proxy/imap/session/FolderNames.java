package dev.mailtrail.proxy.imap.session;

/**
 * Maps IMAP mailbox names to Exchange's view: whose mailbox a folder is in and its path. {@code Shared/bob/Projects}
 * under the other-users prefix {@code Shared/} (in any case) is bob's {@code \Projects}; {@code INBOX} is {@code \Inbox};
 * {@code Finance/2026} with separator {@code /} is {@code \Finance\2026}. Public for the native Dovecot sensor, which
 * names the folders of Dovecot's events the same way.
 */
public record FolderNames(String separator, String sharedPrefix) {

    /** A mailbox name as owner and the name inside the owner's mailbox. */
    public record Located(String owner, String name) {}

    public Located locate(String mailboxName, String ownMailbox) {
        // the prefix matches whatever its case: "Shared/" (configured, or a client's NAMESPACE from another server) and
        // Dovecot's documented "shared/" must not let a delegate's reads pass as the delegate's own
        if (sharedPrefix != null
                && !sharedPrefix.isEmpty()
                && mailboxName.regionMatches(true, 0, sharedPrefix, 0, sharedPrefix.length())) {
            String rest = mailboxName.substring(sharedPrefix.length());
            int sep = rest.indexOf(separator);
            if (sep > 0 && sep + separator.length() < rest.length()) {
                return new Located(rest.substring(0, sep), rest.substring(sep + separator.length()));
            }
        }
        return new Located(ownMailbox, mailboxName);
    }

    public String path(String name) {
        String[] parts = name.split(java.util.regex.Pattern.quote(separator), -1);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            path.append('\\').append(i == 0 && parts[i].equalsIgnoreCase("INBOX") ? "Inbox" : parts[i]);
        }
        return path.toString();
    }

    public static String id(Located folder, long uidValidity) {
        String stem = folder.owner() + "/" + folder.name();
        return uidValidity > 0 ? stem + ";uidvalidity=" + uidValidity : stem;
    }
}
