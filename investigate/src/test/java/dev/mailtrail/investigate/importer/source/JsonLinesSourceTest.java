package dev.mailtrail.investigate.importer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesSourceTest {

    private static List<SourceUnit> lines(String text) throws IOException {
        List<SourceUnit> units = new ArrayList<>();
        try (JsonLinesSource source = new JsonLinesSource(new StringReader(text))) {
            for (SourceUnit unit = source.next(); unit != null; unit = source.next()) {
                units.add(unit);
            }
        }
        return units;
    }

    @Test
    void eachNonBlankLineIsAUnitNumberedAsInTheFile() throws IOException {
        assertThat(lines("{\"a\":1}\r\n\r\n{\"a\":2\n{\"a\":3}"))
                .containsExactly(
                        new SourceUnit.JsonText(1, "{\"a\":1}"),
                        new SourceUnit.JsonText(3, "{\"a\":2"),
                        new SourceUnit.JsonText(4, "{\"a\":3}"));
    }

    @Test
    void anEmptyFileHasNoUnits() throws IOException {
        assertThat(lines("")).isEmpty();
        assertThat(lines("\n\n")).isEmpty();
    }
}
