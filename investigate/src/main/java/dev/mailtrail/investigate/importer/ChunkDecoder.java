package dev.mailtrail.investigate.importer;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.importer.decode.DecodedRecord;
import dev.mailtrail.investigate.importer.decode.UnitDecoder;
import dev.mailtrail.investigate.importer.decode.UnitRejected;
import dev.mailtrail.investigate.importer.detect.ExportFile;
import dev.mailtrail.investigate.importer.identity.RecordIdentifier;
import dev.mailtrail.investigate.importer.normalise.RecordNormaliser;
import dev.mailtrail.investigate.importer.source.SourceUnit;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The work a worker thread does on a chunk: decode each unit, normalise the record and compute its identity, or
 * say why the unit is rejected. A unit that fails in any way is rejected with the reason; it never stops the
 * file and is never dropped.
 *
 * <p>Thread-safe: the decoder, normaliser and identifier are.
 */
final class ChunkDecoder {
    private final ExportFile file;
    private final UnitDecoder decoder;
    private final RecordNormaliser normaliser;
    private final RecordIdentifier identifier;

    ChunkDecoder(ExportFile file, UnitDecoder decoder, RecordNormaliser normaliser, RecordIdentifier identifier) {
        this.file = file;
        this.decoder = decoder;
        this.normaliser = normaliser;
        this.identifier = identifier;
    }

    DecodedChunk decode(UnitChunk chunk) {
        List<DecodedChunk.Decoded> results = new ArrayList<>(chunk.units().size());
        long index = chunk.firstIndex();
        for (SourceUnit unit : chunk.units()) {
            results.add(decode(unit, index++));
        }
        return new DecodedChunk(results, chunk.bytesRead(), false);
    }

    private DecodedChunk.Decoded decode(SourceUnit unit, long index) {
        if (unit instanceof SourceUnit.Unreadable unreadable) {
            return rejected(unit, unreadable.reason());
        }
        try {
            DecodedRecord decoded = decoder.decode(unit);
            AuditRecord record = normaliser.normalise(decoded.record());
            RecordOrigin origin = new RecordOrigin(file.path(), unit.line(), index, file.format());
            return new DecodedChunk.Record(
                    new ImportedRecord(record, identifier.identify(record), origin, decoded.exportColumns()));
        } catch (UnitRejected rejected) {
            return rejected(unit, rejected.getMessage());
        } catch (RuntimeException unexpected) {
            // A row no reader foresaw must still not stop the import nor vanish: it is rejected, with the cause.
            return rejected(unit, "cannot be read: " + unexpected);
        }
    }

    private DecodedChunk.Rejected rejected(SourceUnit unit, String reason) {
        return new DecodedChunk.Rejected(new Reject(file.path(), unit.line(), reason, content(unit)));
    }

    private static String content(SourceUnit unit) {
        return switch (unit) {
            case SourceUnit.JsonText json -> json.text();
            case SourceUnit.Unreadable unreadable -> unreadable.content();
            case SourceUnit.CsvRow row -> csv(row.fields());
        };
    }

    /** The row as CSV again, so a rejects file can be fixed and imported under the same header. */
    private static String csv(List<String> fields) {
        StringWriter text = new StringWriter();
        try (CsvWriter writer =
                CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text)) {
            writer.writeRecord(fields);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("writing to memory failed", cannotHappen);
        }
        String row = text.toString();
        return row.endsWith("\n") ? row.substring(0, row.length() - 1) : row;
    }
}
