package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CapabilityFilterTest {

    private static final CapabilityFilter.Offer PLAIN = new CapabilityFilter.Offer(false, false);

    private static String filter(String line, CapabilityFilter.Offer offer) {
        return new String(
                CapabilityFilter.filter(line.getBytes(StandardCharsets.ISO_8859_1), offer),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void compressIsRemovedFromTheUntaggedResponseAndEveryOtherByteKept() {
        assertThat(filter("* CAPABILITY IMAP4rev1 SASL-IR LITERAL+ COMPRESS=DEFLATE IDLE\r\n", PLAIN))
                .isEqualTo("* CAPABILITY IMAP4rev1 SASL-IR LITERAL+ IDLE\r\n");
    }

    @Test
    void theCodeInAGreetingOrTaggedOkIsFilteredToo() {
        assertThat(filter("* OK [CAPABILITY IMAP4rev1 STARTTLS COMPRESS=DEFLATE] Dovecot (Debian) ready.\r\n", PLAIN))
                .isEqualTo("* OK [CAPABILITY IMAP4rev1] Dovecot (Debian) ready.\r\n");
        assertThat(filter("a1 OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] Logged in\r\n", PLAIN))
                .isEqualTo("a1 OK [CAPABILITY IMAP4rev1] Logged in\r\n");
    }

    @Test
    void starttlsAndLogindisabledFollowTheListenerNotTheServer() {
        CapabilityFilter.Offer insecure = new CapabilityFilter.Offer(true, true);
        assertThat(filter("* CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=SCRAM-SHA-256\r\n", insecure))
                .isEqualTo("* CAPABILITY IMAP4rev1 AUTH=SCRAM-SHA-256 STARTTLS LOGINDISABLED\r\n");
    }

    @Test
    void aLineWithNothingToChangeIsTheSameArray() {
        byte[] line = "* CAPABILITY IMAP4rev1 IDLE\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(CapabilityFilter.filter(line, PLAIN)).isSameAs(line);
        byte[] text = "* OK the word [CAPABILITY X] in text\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(CapabilityFilter.filter(text, PLAIN)).isSameAs(text);
    }

    @Test
    void capabilitiesWhoseTrafficCannotBeAuditedAreRemovedAndAuditableExtensionsKept() {
        assertThat(filter(
                        "* CAPABILITY IMAP4rev1 URLAUTH URLAUTH=BINARY CONVERT REPLACE JMAPACCESS PREVIEW"
                                + " SNIPPET=FUZZY BINARY QRESYNC UIDONLY NOTIFY OBJECTID SAVEDATE\r\n",
                        PLAIN))
                .isEqualTo(
                        "* CAPABILITY IMAP4rev1 PREVIEW SNIPPET=FUZZY BINARY QRESYNC UIDONLY NOTIFY OBJECTID SAVEDATE\r\n");
    }
}
