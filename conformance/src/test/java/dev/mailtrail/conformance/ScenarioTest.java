package dev.mailtrail.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite: one test per directory under {@code conformance/scenarios}, named by the directory.
 * Each replays the scenario's events through {@code mt replay} in-process and compares the records with
 * {@code expected.jsonl}. {@code -Dscenario=15} runs only the scenarios whose name contains {@code 15}.
 */
class ScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REPORTED = 30;

    /** How a scenario is run: what it is called in a failure's message, and the run itself. */
    record Runner(String name, java.util.function.BiFunction<Scenario, ObjectMapper, Replayed> run) {}

    static final Runner MT_REPLAY = new Runner("mt replay", Replayed::run);

    @TestFactory
    Stream<DynamicTest> everyScenario() throws IOException {
        return everyScenario(MT_REPLAY);
    }

    /** One test per scenario directory, each run by {@code runner} and compared with its expected records. */
    static Stream<DynamicTest> everyScenario(Runner runner) throws IOException {
        return scenarioDirectories().stream()
                .map(directory -> DynamicTest.dynamicTest(
                        directory.getFileName().toString(),
                        directory.toUri(),
                        () -> check(Scenario.read(directory, JSON), runner)));
    }

    /** The scenario directories, sorted; only those whose name contains {@code -Dscenario=…} when it is given. */
    static List<Path> scenarioDirectories() throws IOException {
        Path root = scenariosDirectory();
        String only = System.getProperty("scenario", "");
        List<Path> directories;
        try (Stream<Path> children = Files.list(root)) {
            directories = children.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().contains(only))
                    .sorted()
                    .toList();
        }
        if (directories.isEmpty()) {
            fail("no scenario directory under " + root.toAbsolutePath() + " matches '" + only + "'");
        }
        return directories;
    }

    private static void check(Scenario scenario, Runner runner) {
        Replayed replayed = runner.run().apply(scenario, JSON);
        List<String> problems = new ArrayList<>();
        if (replayed.exitStatus() != 0) {
            problems.add(runner.name() + " exited with status " + replayed.exitStatus() + " (expected 0)");
        }
        problems.addAll(
                RecordComparison.differences(scenario.expected(), replayed.records(), scenario.exact(), runner.name()));
        for (String line : scenario.stderr()) {
            if (!replayed.stderr().contains(line)) {
                problems.add("standard error lacks the line from expected-stderr.txt: " + line);
            }
        }
        if (!problems.isEmpty()) {
            fail(report(scenario, runner, replayed, problems));
        }
    }

    private static String report(Scenario scenario, Runner runner, Replayed replayed, List<String> problems) {
        StringBuilder text = new StringBuilder("scenario ")
                .append(scenario.name())
                .append(" through ")
                .append(runner.name())
                .append(": ")
                .append(problems.size())
                .append(problems.size() == 1 ? " difference" : " differences")
                .append(" (records are numbered as the lines of expected.jsonl)\n");
        problems.stream()
                .limit(MAX_REPORTED)
                .forEach(p -> text.append("  - ").append(p).append('\n'));
        if (problems.size() > MAX_REPORTED) {
            text.append("  … and ").append(problems.size() - MAX_REPORTED).append(" more\n");
        }
        text.append("replay it by hand: ./mt replay ")
                .append(scenario.args().isEmpty() ? "" : String.join(" ", scenario.args()) + " ")
                .append("conformance/scenarios/")
                .append(scenario.name())
                .append("/events.jsonl\n")
                .append("standard error of ")
                .append(runner.name())
                .append(":\n")
                .append(replayed.stderr().lines().map(l -> "  " + l).collect(Collectors.joining("\n")));
        return text.toString();
    }

    /** Maven runs tests in the module directory; an IDE may run them from the repository root. */
    private static Path scenariosDirectory() {
        Path inModule = Path.of("scenarios");
        return Files.isDirectory(inModule) ? inModule : Path.of("conformance", "scenarios");
    }
}
