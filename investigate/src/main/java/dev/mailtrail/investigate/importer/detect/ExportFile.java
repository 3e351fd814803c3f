package dev.mailtrail.investigate.importer.detect;

import dev.mailtrail.investigate.importer.source.CountingInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A file detected as an export: what it is and how to read it as text.
 *
 * @param path the file
 * @param format the export it holds
 * @param layout how its text is cut into records
 * @param encoding its character encoding
 * @param gzip whether the file is gzip-compressed (told by its magic bytes, not its name)
 * @param size its size on disk in bytes, the measure of progress
 */
public record ExportFile(
        Path path, ExportFormat format, Layout layout, TextEncoding encoding, boolean gzip, long size) {
    private static final int BUFFER = 1 << 16;

    /** How a file's text is cut into records. */
    public enum Layout {
        CSV,
        /** JSON values one after another, or inside top-level arrays. */
        JSON_VALUES,
        /** One JSON value per line. */
        JSON_LINES,
        /**
         * The records inside response objects, one response after another: the {@code value} array of OData pages
         * (Microsoft Graph), the {@code results} or {@code Results} of Defender's hunting responses.
         */
        ODATA_PAGES
    }

    /** The text, after any byte order mark; {@code counter} counts the bytes read from disk. */
    public record OpenText(Reader text, CountingInputStream counter) {}

    public OpenText open() throws IOException {
        CountingInputStream counter = new CountingInputStream(Files.newInputStream(path));
        try {
            InputStream bytes = new BufferedInputStream(counter, BUFFER);
            if (gzip) {
                bytes = new GZIPInputStream(bytes, BUFFER);
            }
            bytes.skipNBytes(encoding.bomLength());
            return new OpenText(new InputStreamReader(bytes, encoding.charset()), counter);
        } catch (IOException | RuntimeException failed) {
            counter.close();
            throw failed;
        }
    }
}
