package dev.mailtrail.investigate.importer.source;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;

/**
 * The records of OData pages as an API returns them, {@code {"@odata.context":…,"@odata.nextLink":…,"value":[…]}}
 * (Microsoft Graph), one page or several one after another: each element of a page's {@code value} array is one
 * unit, its text exactly as written, with the line it starts on. The pages are cut by {@link JsonValueSplitter};
 * the members beside {@code value} are the API's paging and are not records. Defender XDR's advanced hunting
 * responses are read the same way, their rows being in {@code results} (Graph's {@code runHuntingQuery}, beside
 * {@code schema}) or {@code Results} (the Defender API, beside {@code Schema} and {@code Stats}).
 *
 * <p>A page that is not JSON becomes one {@link SourceUnit.Unreadable} from the first record not yet given (the
 * records before it are given); a page without a {@code value} array becomes one too.
 */
public final class ODataPageSource implements UnitSource {
    /** The members that hold a page's records. */
    public static final Set<String> RECORDS = Set.of("value", "results", "Results");

    private static final int KEPT_OF_UNREADABLE = 1 << 20;
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonValueSplitter pages;
    private final Queue<SourceUnit> ready = new ArrayDeque<>();

    public ODataPageSource(Reader in) {
        this.pages = new JsonValueSplitter(in);
    }

    @Override
    public SourceUnit next() throws IOException {
        while (ready.isEmpty()) {
            SourceUnit page = pages.next();
            if (page == null) {
                return null;
            }
            if (page instanceof SourceUnit.JsonText text) {
                records(text);
            } else {
                ready.add(page);
            }
        }
        return ready.remove();
    }

    private void records(SourceUnit.JsonText page) {
        String text = page.text();
        long firstLine = page.line();
        int from = 0;
        boolean sawValue = false;
        try (JsonParser json = JSON.createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                ready.add(unreadable(firstLine, "OData page: expected a JSON object with a value array", text, 0));
                return;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (!RECORDS.contains(name) || value != JsonToken.START_ARRAY) {
                    json.skipChildren();
                    continue;
                }
                sawValue = true;
                for (JsonToken element = json.nextToken(); element != JsonToken.END_ARRAY; element = json.nextToken()) {
                    JsonLocation start = json.currentTokenLocation();
                    from = (int) start.getCharOffset();
                    json.skipChildren();
                    int end = (int) json.currentLocation().getCharOffset();
                    ready.add(new SourceUnit.JsonText(firstLine + start.getLineNr() - 1, text.substring(from, end)));
                    from = end;
                }
            }
            if (!sawValue) {
                ready.add(unreadable(firstLine, "OData page: no value array", text, 0));
            }
        } catch (JacksonException invalid) {
            JsonLocation at = invalid.getLocation();
            long line = at == null ? firstLine : firstLine + at.getLineNr() - 1;
            String where = at == null ? "" : " at line " + line + ", column " + at.getColumnNr();
            ready.add(unreadable(
                    line, "OData page: invalid JSON" + where + ": " + invalid.getOriginalMessage(), text, from));
        } catch (IOException cannotHappen) {
            ready.add(unreadable(firstLine, "OData page: " + cannotHappen.getMessage(), text, from));
        }
    }

    private static SourceUnit.Unreadable unreadable(long line, String reason, String text, int from) {
        int end = Math.min(text.length(), from + KEPT_OF_UNREADABLE);
        return new SourceUnit.Unreadable(line, reason, text.substring(from, end));
    }

    @Override
    public void close() throws IOException {
        pages.close();
    }
}
