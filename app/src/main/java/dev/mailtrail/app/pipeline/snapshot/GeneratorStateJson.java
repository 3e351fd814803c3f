package dev.mailtrail.app.pipeline.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.decision.Verdict;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.generate.AuditStatistics;
import dev.mailtrail.core.generate.GeneratorState;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The audit core's windows, de-duplication tables, throttling counters and statistics ({@link GeneratorState}) as
 * JSON. The event that opened a window is kept in the journal's own binary form (decision 0016), base64: the form the
 * core reads it in anyway, exact to the field. A table's reads are kept as columns, so that a large table costs a few
 * arrays rather than an object per read.
 */
final class GeneratorStateJson {
    private GeneratorStateJson() {}

    static void write(GeneratorState state, JsonGenerator out) throws IOException {
        out.writeStartObject();
        writeWindows("queued", state.queuedWindows(), out);
        writeWindows("late", state.lateWindows(), out);
        out.writeArrayFieldStart("bindReads");
        for (GeneratorState.ContextReads reads : state.bindReads()) {
            out.writeStartObject();
            out.writeFieldName("context");
            writeContext(reads.context(), out);
            out.writeNumberField("capacity", reads.capacity());
            out.writeNumberField("lastRecorded", reads.lastRecordedMillis());
            out.writeFieldName("slots");
            out.writeArray(reads.slots(), 0, reads.slots().length);
            writeTexts("folders", reads.folders(), out);
            writeTexts("items", reads.items(), out);
            out.writeFieldName("millis");
            out.writeArray(reads.millis(), 0, reads.millis().length);
            out.writeEndObject();
        }
        out.writeEndArray();
        writeRemembered("recentSyncs", state.recentSyncs(), out);
        writeRemembered("recentFolderBinds", state.recentFolderBinds(), out);
        out.writeArrayFieldStart("throttle");
        for (GeneratorState.MailboxRecordTimes times : state.throttle()) {
            out.writeStartObject();
            out.writeStringField("mailbox", times.mailbox());
            out.writeFieldName("times");
            out.writeArray(times.times(), 0, times.times().length);
            out.writeNumberField("throttledUntil", times.throttledUntil());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeFieldName("statistics");
        writeStatistics(state.statistics(), out);
        out.writeNumberField("nextSweep", state.nextSweepMillis());
        out.writeEndObject();
    }

    static GeneratorState read(JsonNode in) throws SnapshotFormatException {
        List<GeneratorState.ContextReads> bindReads = new ArrayList<>();
        for (JsonNode reads : Json.array(in, "bindReads")) {
            JsonNode slots = Json.array(reads, "slots");
            int[] at = new int[slots.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = slots.get(i).asInt();
            }
            bindReads.add(new GeneratorState.ContextReads(
                    readContext(reads.get("context")),
                    Json.integer(reads, "capacity"),
                    Json.number(reads, "lastRecorded"),
                    at,
                    Json.texts(reads, "folders"),
                    Json.texts(reads, "items"),
                    Json.numbers(reads, "millis")));
        }
        List<GeneratorState.MailboxRecordTimes> throttle = new ArrayList<>();
        for (JsonNode times : Json.array(in, "throttle")) {
            throttle.add(new GeneratorState.MailboxRecordTimes(
                    Json.text(times, "mailbox"), Json.numbers(times, "times"), Json.number(times, "throttledUntil")));
        }
        return new GeneratorState(
                readWindows(Json.array(in, "queued")),
                readWindows(Json.array(in, "late")),
                bindReads,
                readRemembered(Json.field(in, "recentSyncs")),
                readRemembered(Json.field(in, "recentFolderBinds")),
                throttle,
                readStatistics(Json.field(in, "statistics")),
                Json.number(in, "nextSweep"));
    }

    private static void writeWindows(String name, List<GeneratorState.Window> windows, JsonGenerator out)
            throws IOException {
        EventText event = new EventText();
        out.writeArrayFieldStart(name);
        for (GeneratorState.Window window : windows) {
            out.writeStartObject();
            out.writeStringField("start", window.start().toString());
            out.writeStringField("closesAt", window.closesAt().toString());
            if (!window.closed()) {
                out.writeStringField("first", event.of(window.first()));
                out.writeNumberField("operations", window.operationCount());
                out.writeArrayFieldStart("folders");
                for (GeneratorState.WindowFolder folder : window.folders()) {
                    out.writeStartObject();
                    out.writeStringField("id", folder.folder().id());
                    out.writeStringField("path", folder.folder().path());
                    out.writeArrayFieldStart("items");
                    for (ItemRef item : folder.items()) {
                        out.writeStartArray();
                        out.writeString(item.internetMessageId());
                        out.writeString(item.id());
                        if (item.sizeInBytes() == null) {
                            out.writeNull();
                        } else {
                            out.writeNumber(item.sizeInBytes());
                        }
                        out.writeString(item.subject());
                        out.writeEndArray();
                    }
                    out.writeEndArray();
                    out.writeEndObject();
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static List<GeneratorState.Window> readWindows(JsonNode windows) throws SnapshotFormatException {
        List<GeneratorState.Window> read = new ArrayList<>(windows.size());
        for (JsonNode window : windows) {
            Instant start = Json.instant(window, "start");
            Instant closesAt = Json.instant(window, "closesAt");
            if (!window.has("first")) {
                read.add(new GeneratorState.Window(null, start, closesAt, 0, List.of()));
                continue;
            }
            List<GeneratorState.WindowFolder> folders = new ArrayList<>();
            for (JsonNode folder : Json.array(window, "folders")) {
                List<ItemRef> items = new ArrayList<>();
                for (JsonNode item : Json.array(folder, "items")) {
                    items.add(new ItemRef(
                            Json.text(item.get(0)),
                            Json.text(item.get(1)),
                            item.get(2).isNull() ? null : item.get(2).asLong(),
                            Json.text(item.get(3))));
                }
                folders.add(new GeneratorState.WindowFolder(
                        new FolderRef(Json.text(folder.get("id")), Json.text(folder.get("path"))), items));
            }
            read.add(new GeneratorState.Window(
                    firstEvent(Json.text(window, "first")),
                    start,
                    closesAt,
                    Json.integer(window, "operations"),
                    folders));
        }
        return read;
    }

    private static MailboxAccess firstEvent(String base64) throws SnapshotFormatException {
        return EventText.read(base64, MailboxAccess.class, "a window's first event");
    }

    private static void writeContext(GeneratorState.ContextKey key, JsonGenerator out) throws IOException {
        out.writeStartArray();
        out.writeString(key.mailbox());
        out.writeString(key.actor());
        out.writeString(key.logonType() == null ? null : key.logonType().name());
        out.writeString(key.accessType() == null ? null : key.accessType().name());
        out.writeString(key.clientIp());
        out.writeString(key.clientInfo());
        out.writeString(key.sessionId());
        out.writeEndArray();
    }

    private static GeneratorState.ContextKey readContext(JsonNode key) throws SnapshotFormatException {
        if (key == null || !key.isArray() || key.size() != 7) {
            throw new SnapshotFormatException("a context is not an array of seven");
        }
        String logonType = Json.text(key.get(2));
        String accessType = Json.text(key.get(3));
        try {
            return new GeneratorState.ContextKey(
                    Json.text(key.get(0)),
                    Json.text(key.get(1)),
                    logonType == null ? null : LogonType.valueOf(logonType),
                    accessType == null ? null : MailAccessType.valueOf(accessType),
                    Json.text(key.get(4)),
                    Json.text(key.get(5)),
                    Json.text(key.get(6)));
        } catch (IllegalArgumentException e) {
            throw new SnapshotFormatException("a context names an unknown logon or access type: " + key, e);
        }
    }

    private static void writeRemembered(String name, GeneratorState.Remembered remembered, JsonGenerator out)
            throws IOException {
        out.writeObjectFieldStart(name);
        out.writeArrayFieldStart("contexts");
        for (GeneratorState.ContextKey context : remembered.contexts()) {
            writeContext(context, out);
        }
        out.writeEndArray();
        writeTexts("folders", remembered.folders().toArray(String[]::new), out);
        out.writeFieldName("millis");
        out.writeArray(remembered.millis(), 0, remembered.millis().length);
        out.writeNumberField("nextExpiry", remembered.nextExpiryMillis());
        out.writeEndObject();
    }

    private static GeneratorState.Remembered readRemembered(JsonNode in) throws SnapshotFormatException {
        List<GeneratorState.ContextKey> contexts = new ArrayList<>();
        for (JsonNode context : Json.array(in, "contexts")) {
            contexts.add(readContext(context));
        }
        List<String> folders = java.util.Arrays.asList(Json.texts(in, "folders"));
        long[] millis = Json.numbers(in, "millis");
        if (contexts.size() != folders.size() || folders.size() != millis.length) {
            throw new SnapshotFormatException("remembered keys, folders and times differ in number");
        }
        return new GeneratorState.Remembered(contexts, folders, millis, Json.number(in, "nextExpiry"));
    }

    private static void writeTexts(String name, String[] texts, JsonGenerator out) throws IOException {
        out.writeFieldName(name);
        out.writeArray(texts, 0, texts.length);
    }

    private static void writeStatistics(AuditStatistics statistics, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeNumberField("events", statistics.events());
        out.writeObjectFieldStart("notAudited");
        for (Map.Entry<Verdict, Long> reason : statistics.notAudited().entrySet()) {
            out.writeNumberField(reason.getKey().name(), reason.getValue());
        }
        out.writeEndObject();
        out.writeNumberField("bindsRecorded", statistics.bindsRecorded());
        out.writeNumberField("bindsDeduplicated", statistics.bindsDeduplicated());
        out.writeNumberField("bindsThrottled", statistics.bindsThrottled());
        out.writeNumberField("bindsNotAudited", statistics.bindsNotAudited());
        out.writeNumberField("syncsRecorded", statistics.syncsRecorded());
        out.writeNumberField("syncsDeduplicated", statistics.syncsDeduplicated());
        out.writeNumberField("folderBindsDeduplicated", statistics.folderBindsDeduplicated());
        out.writeNumberField("records", statistics.records());
        out.writeNumberField("throttledRecords", statistics.throttledRecords());
        out.writeNumberField("cmdletsSucceeded", statistics.cmdletsSucceeded());
        out.writeNumberField("cmdletsFailed", statistics.cmdletsFailed());
        out.writeEndObject();
    }

    private static AuditStatistics readStatistics(JsonNode in) throws SnapshotFormatException {
        Map<Verdict, Long> notAudited = new EnumMap<>(Verdict.class);
        var reasons = Json.field(in, "notAudited").fields();
        while (reasons.hasNext()) {
            var reason = reasons.next();
            try {
                notAudited.put(
                        Verdict.valueOf(reason.getKey()), reason.getValue().asLong());
            } catch (IllegalArgumentException e) {
                throw new SnapshotFormatException("statistics name an unknown verdict " + reason.getKey(), e);
            }
        }
        return new AuditStatistics(
                Json.number(in, "events"),
                notAudited,
                Json.number(in, "bindsRecorded"),
                Json.number(in, "bindsDeduplicated"),
                Json.number(in, "bindsThrottled"),
                Json.number(in, "bindsNotAudited"),
                Json.number(in, "syncsRecorded"),
                Json.number(in, "syncsDeduplicated"),
                Json.number(in, "folderBindsDeduplicated"),
                Json.number(in, "records"),
                Json.number(in, "throttledRecords"),
                Json.number(in, "cmdletsSucceeded"),
                Json.number(in, "cmdletsFailed"));
    }
}
