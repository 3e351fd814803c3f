package dev.mailtrail.investigate.importer.identity;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a {@link RecordIdentity} from a normalised record's canonical AuditData: the AuditData writer's
 * output (Exchange's field names, types and order for every modelled field, so whitespace, key order and
 * {@code "False"} against {@code false} no longer differ), with {@code CreationTime} at whole seconds in
 * Exchange's spelling (Purview's {@code .0000000Z} is the same instant), the unmodelled fields sorted by name at
 * every depth (those of nested values too, {@link SortedNestedMembers}), and export-only annotations
 * ({@code @odata.type} and the like, added by Graph and other exporters) left out. {@code Id},
 * {@code CreationTime}, {@code Operation} and {@code UserId} are part of that content, so two different records
 * that share an {@code Id} (anonymised exports do this) get different identities.
 *
 * <p>{@code ClientIP} and {@code ClientIPAddress} count as exported, source port included: every export of one
 * record carries the same text, while two records alike but for the port are two connections, hence two events
 * (msticpy's Sentinel sample has three such pairs of cmdlet runs in the same second).
 *
 * <p>Thread-safe.
 */
public final class RecordIdentifier {
    private static final String CREATION_TIME = "CreationTime";
    private static final String ANNOTATION_PREFIX = "@odata.";
    private static final String CLIENT_IP = "ClientIP";
    private static final String CLIENT_IP_ADDRESS = "ClientIPAddress";

    private final AuditDataWriter writer = new AuditDataWriter();
    // No separator between records: each thread's generator writes one record after another into the digest.
    private final JsonFactory json = new JsonFactoryBuilder()
            .rootValueSeparator((String) null)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private final ThreadLocal<Hasher> hashers = ThreadLocal.withInitial(Hasher::new);

    public RecordIdentity identify(AuditRecord record) {
        Hasher hasher = hashers.get();
        try {
            return hasher.identify(canonical(record));
        } catch (IOException cannotHappen) {
            hashers.remove();
            throw new UncheckedIOException("hashing in memory failed", cannotHappen);
        } catch (RuntimeException | Error failed) {
            // A record that failed halfway leaves the generator inside it: the thread starts afresh.
            hashers.remove();
            throw failed;
        }
    }

    /** The record as it is hashed; visible so tests can show what two exports have in common. */
    AuditRecord canonical(AuditRecord record) {
        boolean nested = SortedNestedMembers.any(record);
        if (record.extensions().isEmpty() && record.creationTime().getNano() == 0 && !nested) {
            // Most records: nothing that varies between exports.
            return record;
        }
        Map<String, Object> extensions = new TreeMap<>();
        for (Map.Entry<String, Object> extension : record.extensions().entrySet()) {
            String name = extension.getKey();
            if (!name.equals(CREATION_TIME) && !name.startsWith(ANNOTATION_PREFIX)) {
                extensions.put(name, sorted(extension.getValue()));
            }
        }
        AuditRecord.Builder canonical = record.toBuilder();
        if (nested) {
            SortedNestedMembers.sort(record, canonical);
        }
        return canonical
                .creationTime(record.creationTime().truncatedTo(ChronoUnit.SECONDS))
                .clientIp(asExported(record, CLIENT_IP, record.clientIp()))
                .clientIpAddress(asExported(record, CLIENT_IP_ADDRESS, record.clientIpAddress()))
                .extensions(extensions)
                .build();
    }

    /** The field's value as the export wrote it, when normalisation changed it. */
    private static String asExported(AuditRecord record, String name, String value) {
        return value != null && record.extensions().get(name) instanceof String original ? original : value;
    }

    static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> members = new TreeMap<>();
            map.forEach((name, member) -> members.put(String.valueOf(name), sorted(member)));
            return members;
        }
        if (value instanceof List<?> list) {
            List<Object> elements = new ArrayList<>(list.size());
            list.forEach(element -> elements.add(sorted(element)));
            return elements;
        }
        return value;
    }

    /**
     * One thread's digest and the generator that streams canonical JSON into it as UTF-8, through the generator's
     * buffer: no String or byte array per record, and the digest takes the bytes in blocks.
     */
    private final class Hasher extends OutputStream {
        private final MessageDigest digest = sha256();
        private final JsonGenerator canonical;

        Hasher() {
            try {
                canonical = json.createGenerator(this, JsonEncoding.UTF8);
            } catch (IOException cannotHappen) {
                throw new UncheckedIOException("hashing in memory failed", cannotHappen);
            }
        }

        RecordIdentity identify(AuditRecord record) throws IOException {
            writer.write(record, canonical);
            canonical.flush();
            ByteBuffer bits = ByteBuffer.wrap(digest.digest());
            return new RecordIdentity(bits.getLong(), bits.getLong());
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException cannotHappen) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", cannotHappen);
        }
    }
}
