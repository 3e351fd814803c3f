package dev.mailtrail.bench.proxy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;

/**
 * One cell of the FETCH table as one JSON line, for {@code --json FILE}, so that runs before and after a change can
 * be compared by a script: {@code size} (message bytes), {@code sessions}, {@code depth}, {@code
 * serverCpuSecondsPer10k} (Dovecot's processes, measured on the direct side), and for each side ({@code direct},
 * {@code strict}, {@code async}, {@code haproxy}) an object with {@code msgPerSecond}, {@code p50Ms}, {@code p99Ms}
 * and {@code cpuSecondsPer10k}; {@code haproxy} is {@code null} when HAProxy is not installed, and a figure that
 * could not be measured (no message completed) is {@code null}.
 */
public final class CellJson {
    private static final JsonFactory JSON = new JsonFactory();

    private CellJson() {}

    /** The line, without its line break. */
    public static String line(
            int size,
            int sessions,
            int depth,
            FetchResult direct,
            FetchResult strict,
            FetchResult async,
            FetchResult haproxy) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("size", size);
            json.writeNumberField("sessions", sessions);
            json.writeNumberField("depth", depth);
            number(json, "serverCpuSecondsPer10k", direct.serverCpuSecondsPer10k());
            side(json, "direct", direct);
            side(json, "strict", strict);
            side(json, "async", async);
            side(json, "haproxy", haproxy);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        return text.toString();
    }

    private static void side(JsonGenerator json, String name, FetchResult result) throws IOException {
        json.writeFieldName(name);
        if (result == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        number(json, "msgPerSecond", result.messagesPerSecond());
        number(json, "p50Ms", result.p50Nanos() / 1e6);
        number(json, "p99Ms", result.p99Nanos() / 1e6);
        number(json, "cpuSecondsPer10k", result.cpuSecondsPer10k());
        json.writeEndObject();
    }

    /** JSON has no NaN: a figure that could not be measured is null. */
    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }
}
