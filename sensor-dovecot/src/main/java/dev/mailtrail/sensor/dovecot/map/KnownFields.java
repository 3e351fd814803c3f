package dev.mailtrail.sensor.dovecot.map;

import java.util.Set;

/**
 * The fields Debian's Dovecot 2.3.19 was seen to export on the events the mapper reads (src/test/resources/
 * dovecot-events). Any other field is counted as unknown: a newer Dovecot may carry something worth mapping.
 */
final class KnownFields {
    private KnownFields() {}

    static final Set<String> ALL = Set.of(
            // every session-bound event
            "user",
            "session",
            "local_ip",
            "local_port",
            "remote_ip",
            "remote_port",
            "duration",
            "reason_code",
            // mail and mailbox events
            "mailbox",
            "uid",
            "seq",
            "reason",
            "mail_age_days",
            "cmd_name",
            // imap_command_finished
            "cmd_tag",
            "cmd_input_name",
            "cmd_args",
            "cmd_human_args",
            "tagged_reply_state",
            "tagged_reply",
            "last_run_time",
            "running_usecs",
            "lock_wait_usecs",
            "bytes_in",
            "bytes_out",
            "error",
            // auth_request_finished
            "mechanism",
            "transport",
            "service",
            "real_local_ip",
            "real_remote_ip",
            "real_local_port",
            "real_remote_port",
            "original_user",
            "translated_user",
            "success",
            "policy_result",
            "master_user",
            "login_user",
            "error_code",
            "client_id",
            "local_name",
            "requested_login_user",
            // smtp_server_transaction_finished (the submission service)
            "protocol",
            "connection_id",
            "transaction_id",
            "mail_from",
            "mail_from_raw",
            "mail_param_auth",
            "mail_param_envid",
            "mail_param_ret",
            "data_size",
            "recipients",
            "recipients_denied",
            "recipients_aborted",
            "recipients_failed",
            "recipients_succeeded",
            "status_code",
            "enhanced_code",
            // mail_user_session_finished
            "utime",
            "stime",
            "minor_faults",
            "major_faults",
            "vol_cs",
            "invol_cs",
            "rss",
            "vsz",
            "rchar",
            "wchar",
            "syscr",
            "syscw");
}
