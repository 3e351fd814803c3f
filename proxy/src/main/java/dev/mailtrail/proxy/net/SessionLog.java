package dev.mailtrail.proxy.net;

import java.time.Duration;

/**
 * The lines a session leaves in the proxy's log: why the proxy ended it, that an event was not made durable, and
 * its close with its length and event count. Values from the network are logged with control characters replaced
 * and bounded in length.
 */
final class SessionLog {

    private static final System.Logger LOG = System.getLogger(ProtocolRelay.class.getName());

    private final String sessionId;
    private final String protocol;

    SessionLog(String sessionId, String protocol) {
        this.sessionId = sessionId;
        this.protocol = protocol;
    }

    /** Why the proxy ended the session, in one line: the text the client is told, where it was told anything. */
    void endedByProxy(Object from, String line) {
        String why = line.strip().replaceAll("[\\p{Cntrl}]", "?");
        LOG.log(
                why.endsWith("Server shutting down.") ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                "session {0}: {1} session from {2} ended by the proxy: {3}",
                sessionId,
                protocol,
                String.valueOf(from),
                why.length() > 300 ? why.substring(0, 300) + "..." : why);
    }

    void auditFailed(Throwable cause) {
        LOG.log(System.Logger.Level.ERROR, "session " + sessionId + ": audit event not durable, closing", cause);
    }

    void failed(Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "client connection " + sessionId + " failed", cause);
    }

    void closed(Object from, Duration lasted, long events) {
        LOG.log(
                System.Logger.Level.INFO,
                "session {0}: {1} connection from {2} closed after {3} s, {4} audit events",
                sessionId,
                protocol,
                String.valueOf(from),
                String.valueOf(lasted.toSeconds()),
                String.valueOf(events));
    }
}
