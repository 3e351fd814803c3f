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

    /** What {@link CapabilityFilter#mayCarry} said before it read buffers in place: the reference it must match. */
    private static boolean decodedHasWord(byte[] line) {
        return line.length < 16 * 1024
                && new String(line, StandardCharsets.ISO_8859_1)
                        .toUpperCase(java.util.Locale.ROOT)
                        .contains("CAPABILITY");
    }

    @Test
    void aResponseIsLookedAtInPlaceAndJudgedAsWhenDecoded() {
        java.util.Random random = new java.util.Random(16);
        String[] parts = {
            "CAPABILITY",
            "capability",
            "CaPaBiLiTy",
            "CAPABILIT",
            "APABILITY",
            "\u00df",
            "\u00ff",
            "\u00b5",
            "* OK ",
            "[",
            "]",
            " ",
            "\r\n",
            "C",
            "c",
            "CAPA",
            "BILITY",
            "IMAP4rev1"
        };
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            byte[] line = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            io.netty.buffer.ByteBuf buffer = io.netty.buffer.Unpooled.buffer().writeBytes(new byte[] {'x', 'y'});
            buffer.readerIndex(2); // a response that does not start at the buffer's first byte
            buffer.writeBytes(line);
            assertThat(CapabilityFilter.mayCarry(buffer)).as(text.toString()).isEqualTo(decodedHasWord(line));
            assertThat(buffer.readerIndex()).isEqualTo(2);
            assertThat(CapabilityFilter.mayCarry(line)).isEqualTo(decodedHasWord(line));
        }
    }

    @Test
    void aResponseOf16KiBOrMoreIsNotACapabilityCarrier() {
        byte[] big = new byte[16 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        System.arraycopy("* CAPABILITY ".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 13);
        assertThat(CapabilityFilter.mayCarry(io.netty.buffer.Unpooled.wrappedBuffer(big)))
                .isFalse();
        assertThat(CapabilityFilter.mayCarry(io.netty.buffer.Unpooled.wrappedBuffer(big, 0, big.length - 1)))
                .isTrue();
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
