package dev.mailtrail.app.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input of event lines: a file, or standard input for {@code -}. Names itself as users should see it in
 * errors; refuses bytes that are not UTF-8 rather than guessing.
 */
public record EventSource(String name, Path path) {
    public static EventSource of(String argument) {
        return argument.equals("-") ? new EventSource("<stdin>", null) : new EventSource(argument, Path.of(argument));
    }

    public BufferedReader open(InputStream stdin) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream in = path == null ? stdin : Files.newInputStream(path);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }
}
