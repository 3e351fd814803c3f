package dev.mailtrail.bench.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRowTest {
    private static final FetchResult CELL = new FetchResult(
            3000, 3000 * 4096L, 3.0, 650_000, 4_120_000, 3100, 620_000_000, 310_000_000, java.util.Map.of());

    @Test
    void theColumnsOfARowLineUpWithTheHeadersWithAndWithoutHaproxy() {
        List<String> header = TableRow.header().lines().toList();
        String withRelay = new TableRow("4 KB", 10, CELL, CELL, CELL, CELL).format();
        String withoutRelay = new TableRow("4 KB", 10, CELL, CELL, CELL, null).format();

        assertThat(bars(withRelay)).isEqualTo(bars(header.get(0))).isEqualTo(bars(header.get(1)));
        assertThat(withoutRelay).hasSameSizeAs(withRelay);
        assertThat(header.get(1)).contains("CPU s/10k");
        assertThat(withRelay).contains(" 2.00 ").contains(" 1.00 ");
    }

    private static List<Integer> bars(String line) {
        List<Integer> at = new ArrayList<>();
        for (int i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) {
            at.add(i);
        }
        return at;
    }
}
