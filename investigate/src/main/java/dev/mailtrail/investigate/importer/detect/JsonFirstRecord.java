package dev.mailtrail.investigate.importer.detect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mailtrail.investigate.importer.source.ODataPageSource;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The member names of the first record of a JSON text, read from a prefix that may end anywhere (the detector
 * reads only the start of a file), and whether the first line alone is a whole object (JSON Lines).
 *
 * @param names the first object's member names, as far as the prefix holds them
 * @param emptyArray whether the text is an empty array ({@code []}: a content blob without records)
 * @param officeActivityType whether the first object says {@code "Type":"OfficeActivity"}
 * @param category the first object's {@code category} when it is text (Defender's streaming API names the table
 *     there, {@code AdvancedHunting-CloudAppEvents}), else null
 * @param page when the first object is an OData page ({@code {"@odata.context":…,"value":[…]}}) or a hunting
 *     response ({@code results}, {@code Results}), the member names of the first element of that array, empty
 *     when the array is; null when it is no page
 */
record JsonFirstRecord(
        Set<String> names, boolean emptyArray, boolean officeActivityType, String category, Set<String> page) {
    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonMapper MAPPER = new JsonMapper();

    static JsonFirstRecord of(String prefix) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> page = null;
        String category = null;
        boolean officeActivity = false;
        try (JsonParser json = JSON.createParser(prefix)) {
            JsonToken token = json.nextToken();
            if (token == JsonToken.START_ARRAY) {
                token = json.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    return new JsonFirstRecord(Set.of(), true, false, null, null);
                }
            }
            if (token != JsonToken.START_OBJECT) {
                return new JsonFirstRecord(Set.of(), false, false, null, null);
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                names.add(name);
                JsonToken value = json.nextToken();
                officeActivity |= name.equals("Type")
                        && value == JsonToken.VALUE_STRING
                        && json.getText().equals("OfficeActivity");
                if (name.equals("category") && value == JsonToken.VALUE_STRING) {
                    category = json.getText();
                }
                // An AuditData record may have a member of that name: it starts with CreationTime, a page does not.
                if (ODataPageSource.RECORDS.contains(name)
                        && value == JsonToken.START_ARRAY
                        && !names.contains("CreationTime")) {
                    page = new LinkedHashSet<>();
                    firstElementNames(json, page);
                    break;
                }
                json.skipChildren();
            }
        } catch (IOException endOfPrefix) {
            // The prefix ends inside the first record, or the text is not JSON: the names so far decide.
        }
        return new JsonFirstRecord(
                Collections.unmodifiableSet(names),
                false,
                officeActivity,
                category,
                page == null ? null : Collections.unmodifiableSet(page));
    }

    /** The member names of the array's first element, into {@code names}, as far as the prefix holds them. */
    private static void firstElementNames(JsonParser json, Set<String> names) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            return;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            names.add(json.currentName());
            json.nextToken();
            json.skipChildren();
        }
    }

    /** Whether the text's first line is one complete JSON object, as in JSON Lines. */
    static boolean firstLineIsObject(String prefix) {
        int end = prefix.indexOf('\n');
        String line = end < 0 ? prefix : prefix.substring(0, end);
        try {
            return MAPPER.readTree(line).isObject();
        } catch (IOException notWhole) {
            return false;
        }
    }
}
