package dev.mailtrail.proxy.imap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FetchSectionTest {
    private static final FetchItem BODY = body();

    private static FetchItem body() {
        try {
            return FetchItem.parse("BODY[]");
        } catch (ImapSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void findsAFieldInAnyCaseAndUnfoldsItsContinuationLines() {
        FetchSection s = whole("From: a@example.org\r\nSUBJECT: Quarterly\r\n\tfigures\r\n  for Q3\r\n\r\nbody\r\n");
        assertThat(s.headerField("Subject")).hasValue("Quarterly figures for Q3");
        assertThat(s.headerField("from")).hasValue("a@example.org");
    }

    @Test
    void aLongerNameThatStartsTheSameIsAnotherField() {
        FetchSection s = whole("Subject-Line: no\r\nSubject : spaced\r\nSubject: yes\r\n\r\n");
        assertThat(s.headerField("Subject")).hasValue("yes");
    }

    @Test
    void theBodyIsNotSearchedForFields() {
        FetchSection s = whole("From: a@example.org\r\n\r\nMessage-ID: <in-the-body@example.org>\r\n");
        assertThat(s.headerField("Message-ID")).isEmpty();
    }

    @Test
    void aFieldTheCaptureCutOffIsNotGuessed() {
        String text = "Subject: Quarterly\r\n figures\r\n and more\r\n\r\n";
        FetchSection midFold = cut(text, "Subject: Quarterly\r\n figures\r\n".length());
        assertThat(midFold.headerField("Subject")).isEmpty();
        FetchSection midValue = cut(text, "Subject: Quar".length());
        assertThat(midValue.headerField("Subject")).isEmpty();
        FetchSection wholeField = cut("Subject: a\r\nFrom: b@example.org\r\n\r\n", "Subject: a\r\nFr".length());
        assertThat(wholeField.headerField("Subject")).hasValue("a");
    }

    @Test
    void latin1BytesComeBackAsTheyWere() {
        byte[] bytes = "Subject: caf\u00e9\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        FetchSection s = new FetchSection(BODY, bytes.length, bytes);
        assertThat(s.headerField("Subject")).hasValue("caf\u00e9");
    }

    private static FetchSection whole(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new FetchSection(BODY, bytes.length, bytes);
    }

    private static FetchSection cut(String text, int captured) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new FetchSection(BODY, bytes.length, java.util.Arrays.copyOf(bytes, captured));
    }
}
