package dev.mailtrail.investigate.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.mailtrail.investigate.scope.AccessContext;
import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.BlindWindow;
import dev.mailtrail.investigate.scope.FolderSync;
import dev.mailtrail.investigate.scope.MessageRead;
import dev.mailtrail.investigate.scope.Scope;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * A scope as CSV, one finding a row in time order within each kind: {@code read}, {@code sync}, {@code blind},
 * {@code action}. A cell that starts like a spreadsheet formula ({@code =}, {@code +}, {@code -}, {@code @}) gets a
 * leading apostrophe, so an attacker's subject cannot run in Excel.
 */
public final class ScopeCsv {
    static final String[] HEADER = {
        "Finding",
        "Time",
        "Until",
        "Kind",
        "Folder",
        "InternetMessageId",
        "Subject",
        "Sender",
        "SizeInBytes",
        "SessionId",
        "ClientIP",
        "ClientInfoString",
        "UserId",
        "Detail"
    };

    public void write(Scope scope, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(HEADER);
        for (MessageRead read : scope.reads()) {
            row(
                    csv,
                    "read",
                    read.time(),
                    null,
                    "Bind",
                    read.folder(),
                    read.internetMessageId(),
                    read.message().subject(),
                    read.message().sender(),
                    number(read.sizeInBytes()),
                    read.access(),
                    "");
        }
        for (FolderSync sync : scope.syncs()) {
            row(
                    csv,
                    "sync",
                    sync.time(),
                    null,
                    "Sync",
                    sync.folder(),
                    "",
                    "",
                    "",
                    "",
                    sync.access(),
                    sync.syncedItems() == null
                            ? "every item must be assumed read"
                            : sync.syncedItems() + " items synced; every item must be assumed read");
        }
        for (BlindWindow window : scope.blindWindows()) {
            csv.writeRecord(cells(
                    "blind",
                    time(window.from()),
                    time(window.to()),
                    window.reason().name(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    window.detail()));
        }
        for (AttackerAction action : scope.actions()) {
            row(
                    csv,
                    "action",
                    action.time(),
                    null,
                    action.kind().name(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    action.access(),
                    action.summary());
        }
        csv.flush();
    }

    private static void row(
            CsvWriter csv,
            String finding,
            Instant time,
            Instant until,
            String kind,
            String folder,
            String messageId,
            String subject,
            String sender,
            String size,
            AccessContext access,
            String detail) {
        csv.writeRecord(cells(
                finding,
                time(time),
                time(until),
                kind,
                folder,
                messageId,
                subject,
                sender,
                size,
                access.sessionId(),
                access.ip(),
                access.client(),
                access.userId(),
                detail));
    }

    private static String[] cells(String... values) {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = inert(values[i]);
        }
        return cells;
    }

    /** Spreadsheet formula injection: a cell starting with = + - @ (or a tab or CR) is shown as text. */
    static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    private static String time(Instant time) {
        return time == null ? "" : time.toString();
    }

    private static String number(Long value) {
        return value == null ? "" : value.toString();
    }
}
