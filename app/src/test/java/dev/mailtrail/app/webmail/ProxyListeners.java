package dev.mailtrail.app.webmail;

/** The {@code mt serve} configurations the webmail story runs through, as an administrator would write them. */
final class ProxyListeners {

    private ProxyListeners() {}

    /** MailTrail's IMAP listener in front of Dovecot; submission and ManageSieve go straight to the servers. */
    static String imapOnly(MailBackends mail) {
        return imap(mail);
    }

    /**
     * Every listener the webmail uses, the webmail host trusted to name the browser: IMAP ID
     * {@code x-originating-ip}, SMTP {@code XCLIENT ADDR=} (per listener {@code trusted-networks}). Logins carry no
     * domain, so the submission listener's {@code local-domains} makes alice@mailtrail.test alice's own address. The
     * ManageSieve listener trusts the webmail host too: its sessions take the browser its IMAP logins named.
     */
    static String all(MailBackends mail, String webmailHost) {
        return imap(mail) + """
                trusted-networks = %1$s/32

                [upstream submission]
                host = 127.0.0.1
                port = %2$d

                [listener submission]
                protocol = submission
                address = 127.0.0.1
                port = 0
                trusted-networks = %1$s/32
                local-domains = mailtrail.test

                [upstream managesieve]
                host = 127.0.0.1
                port = %3$d

                [listener managesieve]
                protocol = managesieve
                address = 127.0.0.1
                port = 0
                trusted-networks = %1$s/32
                local-domains = mailtrail.test
                """.formatted(webmailHost, mail.submissionPort(), mail.managesievePort());
    }

    private static String imap(MailBackends mail) {
        return """
                [upstream imap]
                host = 127.0.0.1
                port = %d

                [listener imap]
                protocol = imap
                address = 127.0.0.1
                port = 0
                """.formatted(mail.imapPort());
    }
}
