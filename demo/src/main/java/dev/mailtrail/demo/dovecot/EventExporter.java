package dev.mailtrail.demo.dovecot;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the demo Dovecot's event exporter posts (the native sensor, docs/dovecot-native-sensor.md): an {@code
 * https://user:token@host:port/api/v1/sensors/dovecot} URL and the certificate that URL's server presents. The
 * configuration is the one shipped in that document, checked end to end by the native sensor's tests.
 *
 * @param target the URL, the sensor token as its password (Dovecot sends it as Basic authorization)
 * @param trustedCertificate the API's certificate; copied beside the configuration, readable by Dovecot's
 *     unprivileged stats process, which posts (a file it cannot read fails every post without a log line)
 */
public record EventExporter(URI target, Path trustedCertificate) {
    /** The events the native sensor maps; {@code event=*} would post a hundred useless ones per session. */
    static final String FILTER = "event=mail_opened OR event=mail_expunged OR event=imap_command_finished"
            + " OR event=auth_request_finished OR event=mail_user_session_finished"
            + " OR event=smtp_server_transaction_finished";

    /**
     * The configuration's lines, trusting {@code caFile} (the copy Dovecot can read). The timeout is longer than the
     * shipped snippet's 2 s: MailTrail answers a post once its message is named, and the first post of a fresh demo
     * also waits for the API's first TLS handshake and the lookup's first login; with 2 s the request timed out and
     * the first read of a fresh demo was never recorded.
     */
    String render(Path caFile) {
        return """
                ssl_client_ca_file = %s
                event_exporter mailtrail {
                  format = json
                  format_args = time-rfc3339
                  transport = http-post
                  transport_args = %s
                  transport_timeout = 10secs
                }
                metric mailtrail {
                  exporter = mailtrail
                  filter = %s
                }
                """.formatted(caFile, target, FILTER);
    }
}
