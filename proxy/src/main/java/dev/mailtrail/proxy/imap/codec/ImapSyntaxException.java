package dev.mailtrail.proxy.imap.codec;

/** Input that does not follow the IMAP grammar or exceeds a bound; the message is the reason. */
public final class ImapSyntaxException extends Exception {
    public ImapSyntaxException(String reason) {
        super(reason, null, false, false);
    }
}
