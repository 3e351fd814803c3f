package dev.mailtrail.proxy.tls;

/** A certificate, key or trust file that cannot be used, named in the message. */
public final class TlsSetupException extends Exception {
    public TlsSetupException(String message) {
        super(message);
    }
}
