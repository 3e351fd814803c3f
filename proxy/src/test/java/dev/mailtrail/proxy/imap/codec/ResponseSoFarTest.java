package dev.mailtrail.proxy.imap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.imap.codec.ImapResponse.Fetch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What a FETCH response shows before its end ({@link ImapResponseScanner#fetchSoFar}), from which the record of a
 * response too large to hold is made, and when it is announced large enough to stream.
 */
class ResponseSoFarTest {

    static final String HEADER = "Message-ID: <big@example.org>\r\nSubject: Archive\r\n\r\n";

    private static ImapResponseScanner fed(String... parts) {
        ImapResponseScanner s = new ImapResponseScanner(4096, 64);
        for (String p : parts) {
            s.feed(ByteBuffer.wrap(p.getBytes(StandardCharsets.US_ASCII)));
        }
        return s;
    }

    @Test
    void aFetchWhoseLiteralIsArrivingShowsItsNumberUidAndCapturedHeader() {
        ImapResponseScanner s = fed("* 3 FETCH (UID 17 FLAGS (\\Seen) BODY[] {100000}\r\n", HEADER, "xxxxxxxx");
        Fetch f = s.fetchSoFar();
        assertThat(f.sequence()).isEqualTo(3);
        assertThat(f.uid()).hasValue(17);
        assertThat(f.flags()).containsExactly("\\Seen");
        FetchSection body = f.sections().getFirst();
        assertThat(body.item().kind()).isEqualTo(FetchItem.Kind.BODY_SECTION);
        assertThat(body.size()).isEqualTo(100000);
        assertThat(body.headerField("Message-ID")).hasValue("<big@example.org>");
    }

    @Test
    void itIsAnnouncedLargerOnceTheKeptPartHasArrived() {
        ImapResponseScanner s = fed("* 3 FETCH (UID 17 BODY[] {100000}\r\n", "Message-ID: <big");
        assertThat(s.inLiteralLargerThan(1000))
                .as("the header is still being read")
                .isFalse();
        s.feed(ByteBuffer.wrap("x".repeat(64).getBytes(StandardCharsets.US_ASCII)));
        assertThat(s.inLiteralLargerThan(1000)).isTrue();
        assertThat(s.inLiteralLargerThan(100000)).isFalse();
    }

    @Test
    void aUidThatComesAfterTheTextIsNotYetKnownAndTheNumberStillIs() {
        Fetch f = fed("* 9 FETCH (BODY[] {100000}\r\n", HEADER).fetchSoFar();
        assertThat(f.sequence()).isEqualTo(9);
        assertThat(f.uid()).isEmpty();
        assertThat(f.sections()).hasSize(1);
    }

    @Test
    void aResponseThatCannotBeReadSoFarStillCountsAsContentByItsNumber() {
        Fetch f = fed("* 4 FETCH (UID {100000}\r\n", "what is this").fetchSoFar();
        assertThat(f.sequence()).isEqualTo(4);
        assertThat(FetchAccessClassifier.classify(f.sections().getFirst().item()))
                .isEqualTo(FetchAccess.CONTENT);
    }

    @Test
    void nothingIsShownBetweenResponsesOrForOtherResponses() {
        assertThat(fed("* 3 FETCH (UID 17 FLAGS ())\r\n").fetchSoFar()).isNull();
        assertThat(fed("* LIST () \"/\" {100000}\r\n", "INBOX").fetchSoFar()).isNull();
    }
}
