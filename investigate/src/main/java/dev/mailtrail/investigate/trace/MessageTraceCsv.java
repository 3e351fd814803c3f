package dev.mailtrail.investigate.trace;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.mailtrail.investigate.importer.normalise.ExportDate;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a message trace CSV: {@code Get-MessageTrace | Export-Csv} ({@code MessageId}, {@code Received},
 * {@code SenderAddress}, {@code RecipientAddress}, {@code Subject}, {@code Size}, with or without the
 * {@code #TYPE} line) or the admin center's report ({@code message_id}, {@code origin_timestamp_utc},
 * {@code sender_address}, {@code recipient_status}, {@code message_subject}, {@code total_bytes}). Column names
 * are matched without regard to case; dates as the importer reads column dates (ISO or US locale, UTC unless
 * they say otherwise). A row whose date or size cannot be read stops the read with its line: a trace is evidence
 * the analyst chose, and a half-read one would resolve messages silently wrong.
 */
public final class MessageTraceCsv {
    private static final List<String> MESSAGE_ID = List.of("messageid", "message_id", "internetmessageid");
    private static final List<String> RECEIVED = List.of("received", "origin_timestamp_utc", "date", "datetime");
    private static final List<String> SENDER = List.of("senderaddress", "sender_address", "sender");
    private static final List<String> RECIPIENT = List.of("recipientaddress", "recipient_status", "recipient");
    private static final List<String> SUBJECT = List.of("subject", "message_subject");
    private static final List<String> SIZE = List.of("size", "total_bytes");

    private final ExportDate dates = ExportDate.utc();

    public List<TracedMessage> read(Path file) throws IOException, MessageTraceException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.startsWith("#TYPE")) {
            int newline = text.indexOf('\n');
            text = newline < 0 ? "" : text.substring(newline + 1);
        }
        try (Reader reader = new java.io.StringReader(text);
                CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
            Map<String, Integer> columns = null;
            List<TracedMessage> messages = new ArrayList<>();
            for (CsvRecord row : csv) {
                if (columns == null) {
                    columns = header(row);
                    if (!columns.containsKey("id")) {
                        throw new MessageTraceException(
                                file,
                                row.getStartingLineNumber(),
                                "no MessageId (or message_id) column: not a message trace");
                    }
                    continue;
                }
                messages.add(message(file, row, columns));
            }
            if (columns == null) {
                throw new MessageTraceException(file, 0, "empty: not a message trace");
            }
            return messages;
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
    }

    private static Map<String, Integer> header(CsvRecord row) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < row.getFieldCount(); i++) {
            String name = row.getField(i).strip().toLowerCase(Locale.ROOT).replace(" ", "");
            put(columns, "id", MESSAGE_ID, name, i);
            put(columns, "received", RECEIVED, name, i);
            put(columns, "sender", SENDER, name, i);
            put(columns, "recipient", RECIPIENT, name, i);
            put(columns, "subject", SUBJECT, name, i);
            put(columns, "size", SIZE, name, i);
        }
        return columns;
    }

    private static void put(Map<String, Integer> columns, String key, List<String> names, String name, int index) {
        if (names.contains(name)) {
            columns.putIfAbsent(key, index);
        }
    }

    private TracedMessage message(Path file, CsvRecord row, Map<String, Integer> columns) throws MessageTraceException {
        String received = field(row, columns, "received");
        Instant time = null;
        if (received != null) {
            time = dates.parse(received);
            if (time == null) {
                throw new MessageTraceException(
                        file, row.getStartingLineNumber(), "Received: \"" + received + "\" is not a date");
            }
        }
        String size = field(row, columns, "size");
        Long bytes = null;
        if (size != null) {
            try {
                bytes = Long.parseLong(size.replace(",", ""));
            } catch (NumberFormatException notANumber) {
                throw new MessageTraceException(
                        file, row.getStartingLineNumber(), "Size: \"" + size + "\" is not a number of bytes");
            }
        }
        return new TracedMessage(
                field(row, columns, "id"),
                time,
                field(row, columns, "sender"),
                field(row, columns, "recipient"),
                field(row, columns, "subject"),
                bytes);
    }

    private static String field(CsvRecord row, Map<String, Integer> columns, String key) {
        Integer index = columns.get(key);
        if (index == null || index >= row.getFieldCount()) {
            return null;
        }
        String value = row.getField(index).strip();
        return value.isEmpty() ? null : value;
    }
}
