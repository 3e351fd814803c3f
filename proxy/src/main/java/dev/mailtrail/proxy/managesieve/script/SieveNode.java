package dev.mailtrail.proxy.managesieve.script;

import java.util.List;

/** The parts of a Sieve script (RFC 5228 §8.2): commands with their arguments, tests and blocks. */
public sealed interface SieveNode {

    /** A string list, a number (K, M, G applied) or a tag such as {@code :contains}. */
    sealed interface Argument extends SieveNode {}

    record Strings(List<String> values) implements Argument {
        public Strings {
            values = List.copyOf(values);
        }
    }

    record Number(long value) implements Argument {}

    /** A tag, lower-cased, without its colon. */
    record Tag(String name) implements Argument {}

    /** {@code header :contains "subject" "invoice"}, {@code anyof (…)}: a name, arguments and nested tests. */
    record Test(String name, List<Argument> arguments, List<Test> tests) implements SieveNode {
        public Test {
            arguments = List.copyOf(arguments);
            tests = List.copyOf(tests);
        }
    }

    /**
     * A command: its name (lower-cased), arguments, tests (an {@code if}'s condition), its block (null for a simple
     * command), the comment just before it (Roundcube names its rules {@code # rule:[name]}) and its source text.
     */
    record Command(
            String name, List<Argument> arguments, List<Test> tests, List<Command> block, String comment, String source)
            implements SieveNode {
        public Command {
            arguments = List.copyOf(arguments);
            tests = List.copyOf(tests);
            block = block == null ? null : List.copyOf(block);
        }
    }
}
