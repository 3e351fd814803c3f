package dev.mailtrail.bench.proxy;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * After the FETCH table, the bench JVM's "CPU s/10k" of the direct, strict and async sides taken apart by kind of
 * thread ({@link JvmCpuSplit}): what the proxy's relaying, the audit core, the journal's sync and Lucene each cost,
 * and what the collector and compiler add.
 */
public final class CpuSplitTable {
    private CpuSplitTable() {}

    public static void print(PrintStream out, List<TableRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.printf("%nthe bench JVM's CPU s/10k messages by kind of thread (the sessions' own threads left out):%n");
        StringBuilder header = new StringBuilder(String.format("%-4s %4s %-6s", "size", "sess", "side"));
        for (String group : rows.get(0).direct().jvmCpuSecondsPer10k().keySet()) {
            header.append(String.format(" %11s", group));
        }
        out.println(header.append(String.format(" %11s", "total")));
        for (TableRow row : rows) {
            line(out, row, "direct", row.direct());
            line(out, row, "strict", row.strict());
            line(out, row, "async", row.async());
        }
    }

    private static void line(PrintStream out, TableRow row, String side, FetchResult result) {
        StringBuilder line = new StringBuilder(String.format("%-4s %4d %-6s", row.size(), row.sessions(), side));
        double total = 0;
        for (Map.Entry<String, Double> group : result.jvmCpuSecondsPer10k().entrySet()) {
            line.append(String.format(" %11.2f", group.getValue()));
            total += group.getValue();
        }
        out.println(line.append(String.format(" %11.2f", total)));
    }
}
