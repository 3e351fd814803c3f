package dev.mailtrail.investigate.importer.detect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A file's character encoding and the length of its byte order mark. Purview writes UTF-8 with a BOM,
 * {@code Export-Csv -Encoding Unicode} UTF-16LE with one; without a BOM, UTF-16 is recognised by its zero bytes,
 * and text that is not valid UTF-8 is read as Windows-1252 (Excel's "CSV" on a Western Windows).
 *
 * @param charset how the text is decoded
 * @param bomLength bytes of byte order mark to skip before the text
 */
public record TextEncoding(Charset charset, int bomLength) {
    private static final int MAX_UTF8_TAIL = 3;

    public static TextEncoding sniff(byte[] prefix, int length) {
        if (startsWith(prefix, length, 0xEF, 0xBB, 0xBF)) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(prefix, length, 0xFF, 0xFE)) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(prefix, length, 0xFE, 0xFF)) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        if (length >= 2 && prefix[0] != 0 && prefix[1] == 0) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 0);
        }
        if (length >= 2 && prefix[0] == 0 && prefix[1] != 0) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 0);
        }
        return new TextEncoding(isUtf8(prefix, length) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252"), 0);
    }

    private static boolean startsWith(byte[] prefix, int length, int... bytes) {
        if (length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((prefix[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the prefix is UTF-8, allowing a character cut off at its end. */
    private static boolean isUtf8(byte[] prefix, int length) {
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int cut = 0; cut <= Math.min(MAX_UTF8_TAIL, length); cut++) {
            try {
                strict.reset().decode(ByteBuffer.wrap(prefix, 0, length - cut));
                return true;
            } catch (CharacterCodingException notUtf8) {
                // Try again without a possibly cut-off last character.
            }
        }
        return false;
    }
}
