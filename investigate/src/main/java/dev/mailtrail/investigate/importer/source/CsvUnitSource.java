package dev.mailtrail.investigate.importer.source;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Rows of a CSV export (RFC 4180, as Purview, Export-Csv, Excel and the Log Analytics portal write it; a quoted
 * field may span lines) read with FastCSV. A PowerShell {@code #TYPE} line before the header is skipped. Rows
 * keep the number of fields they have: whether that is wrong is the decoder's call, with the row's line.
 *
 * <p>The field separator is the header's: a comma, or, in a header without one, the semicolon that Excel and
 * {@code Export-Csv -UseCulture} write in locales whose decimal mark is a comma (de-DE, fr-FR, nl-NL …), or a
 * tab.
 *
 * <p>FastCSV refuses a field longer than its buffer (16 M characters) and an unclosed quote; the rest of the
 * file then becomes one {@link SourceUnit.Unreadable} unit, as nothing after it can be split reliably.
 */
public final class CsvUnitSource implements UnitSource {
    private static final String TYPE_LINE = "#TYPE";
    private static final int HEADER_LOOKAHEAD = 1 << 16;

    private final CsvReader<CsvRecord> csv;
    private final CloseableIterator<CsvRecord> rows;
    private final CsvHeader header;
    private long lastLine;
    private boolean ended;

    /** Reads the header at once; a file with none (empty) has an empty header. */
    public CsvUnitSource(Reader text) throws IOException {
        PushbackReader peekable = new PushbackReader(text, HEADER_LOOKAHEAD);
        this.csv = CsvReader.builder()
                .fieldSeparator(separator(peekable))
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .skipEmptyLines(true)
                .allowUnclosedQuote(false)
                .ofCsvRecord(peekable);
        this.rows = csv.iterator();
        this.header = readHeader();
    }

    public CsvHeader header() {
        return header;
    }

    @Override
    public SourceUnit next() throws IOException {
        if (ended) {
            return null;
        }
        try {
            if (!rows.hasNext()) {
                ended = true;
                return null;
            }
            CsvRecord row = rows.next();
            lastLine = row.getStartingLineNumber();
            return new SourceUnit.CsvRow(lastLine, withLineFeeds(row.getFields()));
        } catch (CsvParseException unsplittable) {
            ended = true;
            return new SourceUnit.Unreadable(
                    lastLine + 1,
                    "CSV: cannot be split into rows from here to the end: " + unsplittable.getMessage(),
                    "");
        } catch (UncheckedIOException readFailed) {
            throw readFailed.getCause();
        }
    }

    /**
     * A quoted field's line breaks as line feeds: an export saved again on Windows (Excel, PowerShell, a text
     * editor) turns every LF into CRLF, also inside multi-line cells, and the same record must read the same.
     */
    private static List<String> withLineFeeds(List<String> fields) {
        List<String> normalised = null;
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (field.indexOf('\r') >= 0) {
                if (normalised == null) {
                    normalised = new java.util.ArrayList<>(fields);
                }
                normalised.set(i, field.replace("\r\n", "\n"));
            }
        }
        return normalised == null ? fields : normalised;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /** The header's field separator, read from the text's start, which is given back to be read again. */
    private static char separator(PushbackReader text) throws IOException {
        char[] start = new char[HEADER_LOOKAHEAD];
        int length = 0;
        while (length < start.length) {
            int n = text.read(start, length, start.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        text.unread(start, 0, length);
        String lines = new String(start, 0, length).replace("\uFEFF", "");
        int lineEnd = lines.indexOf('\n');
        String header = lineEnd < 0 ? lines : lines.substring(0, lineEnd);
        if (header.strip().startsWith(TYPE_LINE) && lineEnd >= 0) {
            int next = lines.indexOf('\n', lineEnd + 1);
            header = next < 0 ? lines.substring(lineEnd + 1) : lines.substring(lineEnd + 1, next);
        }
        return separatorOf(header);
    }

    /** A comma if the header has one outside quotes, else a semicolon, else a tab, else a comma. */
    static char separatorOf(String header) {
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                return ',';
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        return semicolons > 0 ? ';' : tabs > 0 ? '\t' : ',';
    }

    private CsvHeader readHeader() throws IOException {
        SourceUnit first = next();
        if (first instanceof SourceUnit.CsvRow row && isTypeLine(row.fields())) {
            return new CsvHeader(fieldsOf(next()), true);
        }
        return new CsvHeader(fieldsOf(first), false);
    }

    private static boolean isTypeLine(List<String> fields) {
        return !fields.isEmpty()
                && fields.getFirst().strip().replace("\uFEFF", "").startsWith(TYPE_LINE);
    }

    private static List<String> fieldsOf(SourceUnit unit) {
        return unit instanceof SourceUnit.CsvRow row ? row.fields() : List.of();
    }
}
