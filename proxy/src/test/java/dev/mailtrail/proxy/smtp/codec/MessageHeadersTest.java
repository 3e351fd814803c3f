package dev.mailtrail.proxy.smtp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fields that name a message: unfolded, encoded words decoded, the first address of an address field. */
class MessageHeadersTest {

    private static MessageHeaders of(String header) {
        return new MessageHeaders(header.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void subjectIsUnfoldedAndItsEncodedWordsDecoded() {
        MessageHeaders h = of("Subject: =?UTF-8?Q?Caf=C3=A9_au?=\r\n =?ISO-8859-1?B?bGFpdA==?= and more\r\n"
                + "Message-ID:\r\n <a.b@c.d>\r\n\r\nSubject: not a header\r\n");
        assertThat(h.field("Subject")).contains("Café aulait and more");
        assertThat(h.messageId()).contains("<a.b@c.d>");
    }

    @Test
    void anUndecodableWordIsKeptAsWritten() {
        assertThat(of("Subject: =?x-unknown?Q?abc?= =?UTF-8?B?!!!?=\r\n\r\n").field("subject"))
                .contains("=?x-unknown?Q?abc?==?UTF-8?B?!!!?=");
    }

    @Test
    void rawUtf8HeadersAreReadAsUtf8() {
        assertThat(of("Subject: Überweisung ✓\r\n\r\n").field("Subject")).contains("Überweisung ✓");
    }

    @Test
    void theFirstAddressIgnoresDisplayNamesAndComments() {
        assertThat(of("From: \"bob@evil.example\" <Alice@MailTrail.test>\r\n\r\n")
                        .address("From"))
                .contains("alice@mailtrail.test");
        assertThat(of("From: alice@mailtrail.test (Alice, bob@evil.example)\r\n\r\n")
                        .address("From"))
                .contains("alice@mailtrail.test");
        assertThat(of("From: Team: carol@mailtrail.test, dave@mailtrail.test;\r\n\r\n")
                        .address("From"))
                .contains("carol@mailtrail.test");
        assertThat(of("To: x@y\r\n\r\n").address("From")).isEmpty();
    }

    @Test
    void anEnvelopePathIsReadWithoutItsParameters() {
        assertThat(Addresses.path("FROM:<Alice@mailtrail.test> SIZE=100 BODY=8BITMIME"))
                .contains("alice@mailtrail.test");
        assertThat(Addresses.path("FROM:<>")).isEmpty();
        assertThat(Addresses.path("FROM: <@relay.example:bob@mailtrail.test>")).contains("bob@mailtrail.test");
    }
}
