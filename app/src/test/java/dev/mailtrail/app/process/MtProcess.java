package dev.mailtrail.app.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code mt} as a real process, as a user's shell would: its own JVM, arguments as words, a data directory. */
public final class MtProcess {
    private MtProcess() {}

    /** What a run printed and how it ended. */
    public record Result(int exit, String out, String err) {
        public byte[] outBytes() {
            return out.getBytes(StandardCharsets.UTF_8);
        }
    }

    public static Result run(Path data, String... words) {
        return run(data, null, words);
    }

    public static Result run(Path data, byte[] stdin, String... words) {
        Process process = start(data, words);
        try {
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            if (stdin != null) {
                process.getOutputStream().write(stdin);
            }
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("mt " + String.join(" ", words) + " did not finish in 120 s");
            }
            return new Result(
                    process.exitValue(),
                    new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The command line of {@code mt serve --config conf --data data} in a JVM of its own, with this JVM's class path
     * and {@code jvmOptions} (a heap cap, say) before the main class.
     */
    public static List<String> serveCommand(List<String> jvmOptions, Path conf, Path data) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.mailtrail.app.Mt",
                "serve",
                "--config",
                conf.toString(),
                "--data",
                data.toString()));
        return command;
    }

    /** Starts {@code mt} (or, with {@code main} given as the first word {@code class:…}, another main class). */
    public static Process start(Path data, String... words) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        if (words.length > 0 && words[0].startsWith("class:")) {
            command.add(words[0].substring("class:".length()));
            command.addAll(List.of(words).subList(1, words.length));
        } else {
            command.add("dev.mailtrail.app.Mt");
            command.addAll(List.of(words));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("MAILTRAIL_DATA", data.toString());
        // a claim the admin record must not believe: it names the operating-system user
        environment.put("MAILTRAIL_ADMIN", "mallory@contoso.com");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
