package dev.mailtrail.app.reliability;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.ServeOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code mt serve} as a real process in front of a mail server, started as a service manager would (or in a shell). */
final class ServeProcess implements AutoCloseable {
    final Process process;
    final int port;
    private final ServeOutput output;

    private ServeProcess(Process process, int port) throws InterruptedException {
        this.process = process;
        this.port = port;
        this.output = ServeOutput.of(process);
        output.awaitUp(90);
    }

    /** Starts {@code mt serve}; {@code shellPrefix} (e.g. {@code ulimit -n 64;}) runs before it in bash, or null. */
    static ServeProcess start(Path conf, int imapPort, Path data, String shellPrefix, String... extra)
            throws IOException, InterruptedException {
        return start(conf, "", imapPort, data, shellPrefix, extra);
    }

    /** As above, the configuration ending with {@code sections} (e.g. a {@code [limits]} section). */
    static ServeProcess start(Path conf, String sections, int imapPort, Path data, String shellPrefix, String... extra)
            throws IOException, InterruptedException {
        return startWith(conf, "", sections, imapPort, data, shellPrefix, extra);
    }

    /** As above, the {@code [upstream imap]} section ending with {@code upstream} (e.g. a lookup account). */
    static ServeProcess startWith(
            Path conf, String upstream, String sections, int imapPort, Path data, String shellPrefix, String... extra)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(conf, """
                [upstream imap]
                host = 127.0.0.1
                port = %d
                %s
                [listener imap]
                protocol = imap
                address = 127.0.0.1
                port = %d
                """.formatted(imapPort, upstream, port) + sections);
        List<String> java = new ArrayList<>(MtProcess.serveCommand(List.of(), conf, data));
        java.addAll(List.of(extra));
        ProcessBuilder builder;
        if (shellPrefix == null) {
            builder = new ProcessBuilder(java);
        } else {
            StringBuilder line = new StringBuilder(shellPrefix).append(" exec");
            for (String word : java) {
                line.append(" '").append(word.replace("'", "'\\''")).append('\'');
            }
            builder = new ProcessBuilder("bash", "-c", line.toString());
        }
        return new ServeProcess(builder.redirectErrorStream(true).start(), port);
    }

    String printed() {
        return output.printed();
    }

    /** Logs in as bob and fetches message 1: what the client received, until the tagged answer or the end. */
    String fetch() throws IOException {
        StringBuilder got = new StringBuilder();
        try (Socket c = new Socket("127.0.0.1", port)) {
            c.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
            OutputStream o = c.getOutputStream();
            got.append(in.readLine()).append('\n');
            o.write("a LOGIN bob Secret123\r\nb SELECT INBOX\r\nc FETCH 1 (BODY.PEEK[])\r\nd LOGOUT\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null) {
                got.append(line).append('\n');
                if (line.startsWith("d ")) {
                    break;
                }
            }
        } catch (IOException e) {
            got.append("(connection ended: ").append(e.getMessage()).append(")\n");
        }
        return got.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        output.join(5_000);
    }
}
