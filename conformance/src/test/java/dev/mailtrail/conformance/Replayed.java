package dev.mailtrail.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.app.Mt;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What {@code mt replay} made of a scenario, run in-process: its exit status, records and standard error. */
record Replayed(int exitStatus, List<ObjectNode> records, String stderr) {

    static Replayed run(Scenario scenario, ObjectMapper json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Mt.run(scenario.commandLine(), outStream, errStream);
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        List<ObjectNode> records = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                records.add(Scenario.object(
                        line,
                        "scenario " + scenario.name() + ", mt replay output record " + (records.size() + 1),
                        json));
            }
        }
        return new Replayed(status, List.copyOf(records), err.toString(StandardCharsets.UTF_8));
    }
}
