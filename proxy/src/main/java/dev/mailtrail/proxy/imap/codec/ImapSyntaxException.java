package dev.mailtrail.proxy.imap.codec;

import dev.mailtrail.proxy.line.LineSyntaxException;

/** Input that does not follow the IMAP grammar or exceeds a bound; the message is the reason. */
public final class ImapSyntaxException extends LineSyntaxException {
    public ImapSyntaxException(String reason) {
        super(reason);
    }
}
