package dev.mailtrail.proxy.smtp.codec;

/** Message data the proxy refuses to pass on: the server might read it differently. */
final class MessageSyntaxException extends Exception {
    MessageSyntaxException(String message) {
        super(message);
    }
}
