package dev.mailtrail.investigate.importer.synthetic;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordType;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic Purview audit search export (the newer header, UTF-8 with a byte order mark) of about the
 * size asked, for benchmarks: {@code BecExportGenerator OUT SIZE [SEED]}, SIZE in bytes with an optional
 * {@code K}, {@code M} or {@code G}. About one record in a hundred is delivered again a little later, as Microsoft
 * re-delivers, so de-duplication has work to do.
 */
public final class BecExportGenerator {
    private static final String[] HEADER = {
        "RecordId",
        "CreationDate",
        "RecordType",
        "Operation",
        "UserId",
        "AuditData",
        "AssociatedAdminUnits",
        "AssociatedAdminUnitsNames"
    };
    private static final DateTimeFormatter CREATION_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
    private static final int REDELIVERY_WINDOW = 1_000;
    private static final int MAILBOXES = 2_000;

    private final AuditDataWriter auditData = new AuditDataWriter();

    /** Writes records until {@code bytes} are written; returns how many rows (re-deliveries included). */
    public long write(Path out, long bytes, long seed) throws IOException {
        SyntheticTenant tenant = new SyntheticTenant(seed, MAILBOXES);
        SplittableRandom redelivery = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Deque<AuditRecord> recent = new ArrayDeque<>(REDELIVERY_WINDOW);
        long rows = 0;
        try (CountingOutput counted = new CountingOutput(Files.newOutputStream(out));
                Writer text = new OutputStreamWriter(counted, StandardCharsets.UTF_8);
                CsvWriter csv = CsvWriter.builder().build(text)) {
            text.write('\uFEFF');
            csv.writeRecord(HEADER);
            while (counted.count < bytes) {
                AuditRecord record = redelivery.nextInt(100) == 0 && !recent.isEmpty()
                        ? recent.peekFirst()
                        : remember(tenant.next(), recent);
                csv.writeRecord(row(record));
                rows++;
                if (rows % 256 == 0) {
                    csv.flush();
                }
            }
        }
        return rows;
    }

    private static AuditRecord remember(AuditRecord record, Deque<AuditRecord> recent) {
        if (recent.size() == REDELIVERY_WINDOW) {
            recent.removeFirst();
        }
        recent.addLast(record);
        return record;
    }

    private String[] row(AuditRecord record) {
        return new String[] {
            record.id(),
            CREATION_DATE.format(record.creationTime()),
            RecordType.name(record.recordType()),
            record.operation(),
            record.userId(),
            auditData.toJson(record),
            "",
            ""
        };
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BecExportGenerator OUT SIZE[K|M|G] [SEED]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long bytes = size(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        long started = System.nanoTime();
        long rows = new BecExportGenerator().write(out, bytes, seed);
        System.out.printf(
                Locale.ROOT,
                "%s: %d rows, %d bytes in %.1f s%n",
                out,
                rows,
                Files.size(out),
                (System.nanoTime() - started) / 1e9);
    }

    static long size(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        long unit =
                switch (upper.charAt(upper.length() - 1)) {
                    case 'K' -> 1L << 10;
                    case 'M' -> 1L << 20;
                    case 'G' -> 1L << 30;
                    default -> 1;
                };
        String digits = unit == 1 ? upper : upper.substring(0, upper.length() - 1);
        return Long.parseLong(digits) * unit;
    }

    /** Counts the bytes that reached the file, so the size is met without asking the file system each row. */
    private static final class CountingOutput extends BufferedOutputStream {
        long count;

        CountingOutput(OutputStream out) {
            super(out, 1 << 16);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            super.write(bytes, offset, length);
            count += length;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            super.write(b);
            count++;
        }
    }
}
