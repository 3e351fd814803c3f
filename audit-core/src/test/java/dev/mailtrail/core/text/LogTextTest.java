package dev.mailtrail.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksEscapeAndControlCharactersCannotLeaveTheValue() {
        assertThat(LogText.of("x\r\nWARNING forged\u001b[2J\u007f\u0085\u2028"))
                .isEqualTo("x\\r\\nWARNING forged\\x1b[2J\\x7f\\x85\\u2028");
    }

    @Test
    void anUnpairedSurrogateIsEscapedAndAPairIsKept() {
        assertThat(LogText.of("a\ud800b\ud83d\ude00")).isEqualTo("a\\ud800b\ud83d\ude00");
    }

    @Test
    void aLongValueIsCutSayingSo() {
        assertThat(LogText.of("a".repeat(10_000))).isEqualTo("a".repeat(LogText.MAX_CHARS) + "...");
    }

    @Test
    void aQuotedValueEscapesItsQuotesSoItEndsWhereItSeemsTo() {
        assertThat(LogText.quoted("a\" from 192.0.2.77 (\\", 64)).isEqualTo("\"a\\\" from 192.0.2.77 (\\\\\"");
        assertThat(LogText.of("plain \"user\"")).isEqualTo("plain \"user\"");
    }
}
