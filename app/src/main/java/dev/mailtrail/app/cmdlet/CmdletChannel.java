package dev.mailtrail.app.cmdlet;

import dev.mailtrail.app.pipeline.AuditBackend;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * How a cmdlet reaches a data directory another process holds (mt serve, mt demo, mt ingest): that process listens
 * on a Unix socket in the data directory, owner-only, runs the cmdlet line on its own pipeline and sends back the
 * exit status and what the cmdlet printed. An administrator types the same command whether or not a server runs.
 * The admin record names the sending process's operating-system user, from the socket's peer credentials.
 */
public final class CmdletChannel implements AutoCloseable {
    static final String SOCKET = "mailtrail.sock";
    private static final int VERSION = 1;

    private final ServerSocketChannel server;
    private final Path socket;
    private final Thread acceptor;

    private CmdletChannel(ServerSocketChannel server, Path socket, AuditBackend pipeline, Clock clock) {
        this.server = server;
        this.socket = socket;
        this.acceptor = Thread.ofPlatform().name("mailtrail-cmdlets").daemon().start(() -> serve(pipeline, clock));
    }

    /** Listens for cmdlets on behalf of {@code pipeline}, in its data directory. */
    public static CmdletChannel open(AuditBackend pipeline, Clock clock) throws IOException {
        Path socket = pipeline.directory().resolve(SOCKET);
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions guard it
        }
        return new CmdletChannel(server, socket, pipeline, clock);
    }

    /** Sends a cmdlet to the process holding {@code data}; empty if none listens. */
    static java.util.Optional<Integer> forward(
            Path data, String name, String line, String actor, PrintStream out, PrintStream err) {
        Path socket = data.resolve(SOCKET);
        if (!Files.exists(socket)) {
            return java.util.Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            DataOutputStream request = new DataOutputStream(Channels.newOutputStream(channel));
            request.writeInt(VERSION);
            writeText(request, name);
            writeText(request, line);
            writeText(request, actor);
            request.flush();
            DataInputStream response = new DataInputStream(Channels.newInputStream(channel));
            int exit = response.readInt();
            out.print(readText(response));
            err.print(readText(response));
            return java.util.Optional.of(exit);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private void serve(AuditBackend pipeline, Clock clock) {
        while (server.isOpen()) {
            try (SocketChannel channel = server.accept()) {
                DataInputStream request = new DataInputStream(Channels.newInputStream(channel));
                if (request.readInt() != VERSION) {
                    continue;
                }
                String name = readText(request);
                String line = readText(request);
                readText(request); // the name the sender claims: the kernel's word is taken instead
                String actor = OperatingSystemUser.peerOf(channel);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int exit;
                try (PrintStream outText = new PrintStream(out, true, StandardCharsets.UTF_8);
                        PrintStream errText = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                    exit = CmdletCommands.runOn(pipeline, name, line, actor, clock, outText, errText);
                }
                DataOutputStream response = new DataOutputStream(Channels.newOutputStream(channel));
                response.writeInt(exit);
                writeText(response, out.toString(StandardCharsets.UTF_8));
                writeText(response, err.toString(StandardCharsets.UTF_8));
                response.flush();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // one bad client never stops the channel
            }
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 64 << 20) {
            throw new IOException("a message of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
        try {
            acceptor.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
