package dev.mailtrail.format.auditdata;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Writes an extension's plain Java value (String, Number, Boolean, null, List, Map) as the JSON it came from. */
final class ExtensionValueWriter {
    private ExtensionValueWriter() {}

    static void write(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String text -> json.writeString(text);
            case Boolean bool -> json.writeBoolean(bool);
            case Integer number -> json.writeNumber(number.intValue());
            case Long number -> json.writeNumber(number.longValue());
            case Short number -> json.writeNumber(number.shortValue());
            case Byte number -> json.writeNumber(number.intValue());
            case BigInteger number -> json.writeNumber(number);
            case BigDecimal number -> json.writeNumber(number);
            case Double number -> json.writeNumber(number.doubleValue());
            case Float number -> json.writeNumber(number.floatValue());
            case List<?> list -> array(json, list);
            case Map<?, ?> map -> object(json, map);
            default ->
                // A bug in whoever built the record: extensions hold only what JSON can say.
                throw new IllegalArgumentException("an AuditData extension cannot hold a "
                        + value.getClass().getName());
        }
    }

    private static void array(JsonGenerator json, List<?> list) throws IOException {
        json.writeStartArray();
        for (Object element : list) {
            write(json, element);
        }
        json.writeEndArray();
    }

    private static void object(JsonGenerator json, Map<?, ?> map) throws IOException {
        json.writeStartObject();
        for (Map.Entry<?, ?> member : map.entrySet()) {
            json.writeFieldName(String.valueOf(member.getKey()));
            write(json, member.getValue());
        }
        json.writeEndObject();
    }
}
