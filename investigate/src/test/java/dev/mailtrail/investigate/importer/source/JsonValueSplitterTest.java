package dev.mailtrail.investigate.importer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonValueSplitterTest {

    static List<SourceUnit> split(String text) throws IOException {
        List<SourceUnit> units = new ArrayList<>();
        try (JsonValueSplitter splitter = new JsonValueSplitter(new StringReader(text))) {
            for (SourceUnit unit = splitter.next(); unit != null; unit = splitter.next()) {
                units.add(unit);
            }
        }
        return units;
    }

    @Test
    void anArraysElementsAreUnitsWithTheirLines() throws IOException {
        List<SourceUnit> units = split("[\n  {\"a\": 1},\n  {\"b\": [2, {\"c\": 3}]}\n]\n");

        assertThat(units)
                .containsExactly(
                        new SourceUnit.JsonText(2, "{\"a\": 1}"),
                        new SourceUnit.JsonText(3, "{\"b\": [2, {\"c\": 3}]}"));
    }

    @Test
    void bracesAndQuotesInsideStringsDoNotCount() throws IOException {
        String tricky = "{\"Subject\":\"RE: [External] {urgent} \\\"wire\\\" \\\\\",\"x\":\"]\"}";

        assertThat(split("[" + tricky + "," + tricky + "]")).hasSize(2).allSatisfy(unit -> assertThat(
                        ((SourceUnit.JsonText) unit).text())
                .isEqualTo(tricky));
    }

    @Test
    void blobsAppendedToOneFileAndPrettyValuesOneAfterAnotherAreSplitToo() throws IOException {
        assertThat(split("[{\"a\":1}][{\"a\":2},{\"a\":3}]\n[]")).hasSize(3);
        assertThat(split("{\n  \"a\": 1\n}\n{\n  \"a\": 2\n}\n"))
                .extracting(SourceUnit::line)
                .containsExactly(1L, 4L);
    }

    @Test
    void aFileEndingInsideARecordEndsWithAnUnreadableUnit() throws IOException {
        List<SourceUnit> units = split("[{\"a\":1},\n{\"b\":\"trunc");

        assertThat(units.get(0)).isEqualTo(new SourceUnit.JsonText(1, "{\"a\":1}"));
        assertThat(units.get(1)).isInstanceOfSatisfying(SourceUnit.Unreadable.class, unreadable -> {
            assertThat(unreadable.line()).isEqualTo(2);
            assertThat(unreadable.reason()).startsWith("JSON: the file ends inside this record");
            assertThat(unreadable.content()).isEqualTo("{\"b\":\"trunc");
        });
    }

    @Test
    void aStrayValueIsAUnitOfItsOwnForTheDecoderToRefuse() throws IOException {
        assertThat(split("[{\"a\":1}, 42, null]"))
                .extracting(u -> ((SourceUnit.JsonText) u).text())
                .containsExactly("{\"a\":1}", "42", "null");
    }

    @Test
    void strayClosingBracketsEndTheSplitInsteadOfRepeatingForever() throws IOException {
        // Microsoft-Extractor-Suite's Merge-OutputFiles: each file's outer brackets cut, a window's object after.
        assertThat(split("[\n{\"a\":1}]\n\n{\"a\":2},{\"a\":3}]\n"))
                .extracting(u -> ((SourceUnit.JsonText) u).text())
                .containsExactly("{\"a\":1}", "{\"a\":2}", "{\"a\":3}");
        assertThat(split("{\"a\":1}}]}"))
                .extracting(u -> ((SourceUnit.JsonText) u).text())
                .containsExactly("{\"a\":1}", "}", "}");
    }

    @Test
    void aValueLongerThanTheBufferIsWhole() throws IOException {
        String big = "{\"s\":\"" + "x".repeat(200_000) + "\"}";

        assertThat(split("[" + big + "]")).singleElement().satisfies(unit -> assertThat(
                        ((SourceUnit.JsonText) unit).text())
                .isEqualTo(big));
    }
}
