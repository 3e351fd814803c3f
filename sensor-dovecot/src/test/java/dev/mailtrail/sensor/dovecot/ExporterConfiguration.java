package dev.mailtrail.sensor.dovecot;

/**
 * The event exporter configuration the tests append to the throwaway Dovecot's: the blocks docs/dovecot-native-sensor.md
 * ships, with the collector's URL.
 */
final class ExporterConfiguration {
    /** The events the mapper reads, as the shipped {@code metric} filter names them. */
    static final String FILTER = "event=mail_opened OR event=mail_expunged OR event=imap_command_finished"
            + " OR event=auth_request_finished OR event=mail_user_session_finished"
            + " OR event=smtp_server_transaction_finished";

    private ExporterConfiguration() {}

    /** Exports the events named by {@code filter} to {@code url}. */
    static String posting(String url, String filter) {
        return """
                event_exporter mailtrail {
                  format = json
                  format_args = time-rfc3339
                  transport = http-post
                  transport_args = %s
                  transport_timeout = 2secs
                }
                metric mailtrail {
                  exporter = mailtrail
                  filter = %s
                }
                """.formatted(url, filter);
    }
}
