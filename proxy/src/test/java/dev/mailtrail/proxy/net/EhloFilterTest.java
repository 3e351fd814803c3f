package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Postfix's EHLO reply as the submission listener passes it on. */
class EhloFilterTest {

    private static final List<String> POSTFIX = List.of(
            "mail.mailtrail.test",
            "PIPELINING",
            "SIZE 10240000",
            "VRFY",
            "ETRN",
            "STARTTLS",
            "AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2",
            "AUTH=PLAIN LOGIN",
            "XCLIENT NAME ADDR PROTO HELO REVERSE_NAME PORT LOGIN",
            "XFORWARD NAME ADDR",
            "ENHANCEDSTATUSCODES",
            "8BITMIME",
            "DSN",
            "SMTPUTF8",
            "BURL imap",
            "CHUNKING");

    @Test
    void onlyWhatTheProxyAuditsPassesAndStartTlsFollowsTheListener() {
        assertThat(EhloFilter.filter(POSTFIX, true, true, false))
                .isEqualTo("250-mail.mailtrail.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-VRFY\r\n250-ETRN\r\n"
                        + "250-AUTH PLAIN LOGIN\r\n250-AUTH=PLAIN LOGIN\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n"
                        + "250-DSN\r\n250-SMTPUTF8\r\n250 STARTTLS\r\n");
    }

    @Test
    void beforeTlsNoAuthIsOfferedAndXclientOnlyToTrustedHosts() {
        String filtered = EhloFilter.filter(POSTFIX, false, false, true);
        assertThat(filtered).doesNotContain("AUTH").doesNotContain("STARTTLS").contains("250-XCLIENT NAME ADDR");
        assertThat(filtered).endsWith("250 SMTPUTF8\r\n");
    }
}
