package dev.mailtrail.app.cmdlet;

import dev.mailtrail.core.cmdlet.CmdletParameter;
import dev.mailtrail.core.cmdlet.CmdletSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A cmdlet's help in the shape of PowerShell's Get-Help (NAME, SYNOPSIS, SYNTAX, PARAMETERS), written from the
 * parameter table its lines are bound against, so that help and parsing cannot disagree.
 */
final class CmdletHelp {
    private static final int WIDTH = 100;

    private CmdletHelp() {}

    static String of(CmdletSyntax syntax) {
        StringBuilder help = new StringBuilder();
        help.append("\nNAME\n    ").append(syntax.name()).append("\n\n");
        help.append("SYNOPSIS\n").append(wrapped(syntax.synopsis(), "    ")).append('\n');
        help.append("SYNTAX\n")
                .append(wrapped(usage(syntax), "    ", "        "))
                .append('\n');
        help.append("PARAMETERS\n");
        for (CmdletParameter parameter : syntax.parameters()) {
            help.append("    -")
                    .append(parameter.name())
                    .append(typed(parameter))
                    .append('\n');
            help.append(wrapped(parameter.description(), "        "));
            help.append("\n        Required?                    ").append(parameter.mandatory());
            help.append("\n        Position?                    ")
                    .append(parameter.name().equals(syntax.positional()) ? "0" : "named")
                    .append("\n\n");
        }
        help.append("    <CommonParameters>\n");
        help.append(wrapped(
                "Accepted as Exchange accepts them and recorded, with no other effect: "
                        + CmdletSyntax.COMMON.stream()
                                .map(p -> "-" + p.name() + typed(p))
                                .collect(Collectors.joining(", "))
                        + ".",
                "        "));
        help.append("\nREMARKS\n");
        help.append(wrapped(
                "mt " + syntax.name() + " [--data DIR] ...: --data (anywhere on the line) names the data directory;"
                        + " default $MAILTRAIL_DATA, else $XDG_DATA_HOME/mailtrail, else ~/.local/share/mailtrail."
                        + " Quote PowerShell values for the shell: '$false', '@{Add=\"MailboxLogin\"}'.",
                "    "));
        return help.toString();
    }

    /** One line per cmdlet: its name and synopsis, for {@code mt help}. */
    static List<String> list(List<CmdletSyntax> syntaxes) {
        int width = syntaxes.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (CmdletSyntax syntax : syntaxes) {
            String gist = syntax.synopsis().split("\\. ")[0].replaceAll("\\.$", "");
            int room = 78 - width - 4;
            String shown = gist.length() <= room
                    ? gist
                    : gist.substring(0, gist.lastIndexOf(' ', room - 2)).replaceAll("[,:(]$", "") + " …";
            lines.add("  " + syntax.name() + " ".repeat(width - syntax.name().length() + 2) + shown);
        }
        return lines;
    }

    static String usage(CmdletSyntax syntax) {
        List<String> words = new ArrayList<>();
        words.add(syntax.name());
        for (CmdletParameter parameter : syntax.parameters()) {
            boolean positional = parameter.name().equals(syntax.positional());
            String name = positional ? "[-" + parameter.name() + "]" : "-" + parameter.name();
            String word = name + typed(parameter);
            words.add(parameter.mandatory() ? word : "[" + word + "]");
        }
        words.add("[<CommonParameters>]");
        return String.join(" ", words);
    }

    private static String typed(CmdletParameter parameter) {
        return parameter.kind() == CmdletParameter.Kind.SWITCH ? "" : " <" + parameter.shortTypeName() + ">";
    }

    private static String wrapped(String text, String indent) {
        return wrapped(text, indent, indent);
    }

    private static String wrapped(String text, String first, String rest) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(first);
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > WIDTH && line.length() > rest.length()) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(rest);
            }
            line.append(word).append(' ');
        }
        return out.append(line.toString().stripTrailing()).append('\n').toString();
    }
}
