package dev.mailtrail.app.webmail;

import java.nio.file.Path;

/** The {@code config.inc.php} of a {@link RoundcubeInstance}: what a webmail administrator would write. */
final class RoundcubeConfig {

    private RoundcubeConfig() {}

    static String php(Path root, RoundcubeInstance.MailHosts hosts) {
        // The test servers' certificates are self-signed; TLS is still spoken where a host says ssl:// or tls://.
        String noVerify =
                "['ssl' => ['verify_peer' => false, 'verify_peer_name' => false, 'allow_self_signed' => true]]";
        return """
                <?php
                $config = [];
                $config['db_dsnw'] = 'sqlite:///%1$s/db/roundcube.db?mode=0640';
                $config['imap_host'] = '%2$s';
                $config['imap_conn_options'] = %5$s;
                $config['smtp_host'] = '%3$s';
                $config['smtp_user'] = '%%u';
                $config['smtp_pass'] = '%%p';
                $config['smtp_conn_options'] = %5$s;
                // Roundcube's own XCLIENT ADDR=: the browser's address towards a submission server that trusts us.
                $config['smtp_xclient_addr'] = true;
                $config['managesieve_host'] = '%4$s';
                $config['managesieve_conn_options'] = %5$s;
                $config['mail_domain'] = 'mailtrail.test';
                $config['des_key'] = 'mailtrail-e2e-des-key-24';
                $config['plugins'] = ['managesieve', 'mailtrail_client_ip'];
                $config['temp_dir'] = '%1$s/temp/';
                $config['log_dir'] = '%1$s/logs/';
                $config['skin'] = 'elastic';
                $config['language'] = 'en_US';
                // imap_debug would add an ID after LOGIN naming Roundcube; production runs without it.
                // Protocol logs under logs/, for a failing test's message; they change nothing on the wire.
                $config['smtp_debug'] = true;
                $config['managesieve_debug'] = true;
                """.formatted(root, hosts.imap(), hosts.smtp(), hosts.managesieve(), noVerify);
    }
}
