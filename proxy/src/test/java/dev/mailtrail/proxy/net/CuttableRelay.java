package dev.mailtrail.proxy.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback in front of the mail server that can cut the proxy's own lookup connections (those whose
 * first command is tagged {@code L…}), as a network fault or a server restart would, and leave client sessions up.
 */
final class CuttableRelay implements AutoCloseable {

    private record Link(Socket from, Socket to, boolean lookup) {}

    /** One relayed connection: whether it turned out to be a lookup connection. */
    private static final class Conn {
        volatile boolean lookup;
    }

    private volatile boolean stalled;

    private final ServerSocket server;
    private volatile int target;
    private final List<Link> links = new CopyOnWriteArrayList<>();

    CuttableRelay() throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "cuttable-relay");
        accept.setDaemon(true);
        accept.start();
    }

    /** Relays to {@code port} from now on; returns the relay's own port. */
    int forwardTo(int port) {
        this.target = port;
        return server.getLocalPort();
    }

    /** Closes every lookup connection now; clients' connections stay. */
    void cutLookups() throws IOException {
        for (Link l : links) {
            if (l.lookup()) {
                l.from().close();
                l.to().close();
                links.remove(l);
            }
        }
    }

    /** The server's answers on lookup connections stop (true) or flow again (false): a server that hangs. */
    void stallLookups(boolean stall) {
        stalled = stall;
    }

    /** How many lookup connections were opened so far. */
    int lookupsOpened() {
        return opened;
    }

    private volatile int opened;

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket from = server.accept();
                Socket to = new Socket(InetAddress.getLoopbackAddress(), target);
                Conn conn = new Conn();
                pump(to.getInputStream(), from.getOutputStream(), from, to, null, conn);
                pump(from.getInputStream(), to.getOutputStream(), from, to, new boolean[1], conn);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Copies one direction; client to server looks at the first byte to tell a lookup connection. */
    private void pump(InputStream in, OutputStream out, Socket from, Socket to, boolean[] firstSeen, Conn conn) {
        Thread t = new Thread(() -> {
            byte[] b = new byte[8192];
            try {
                int n;
                while ((n = in.read(b)) > 0) {
                    if (firstSeen != null && !firstSeen[0]) {
                        firstSeen[0] = true;
                        boolean lookup = b[0] == 'L';
                        conn.lookup = lookup;
                        links.add(new Link(from, to, lookup));
                        if (lookup) {
                            opened++;
                        }
                    }
                    while (firstSeen == null && conn.lookup && stalled && !from.isClosed()) {
                        Thread.sleep(10); // the server "hangs": its answer is held back
                    }
                    out.write(b, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut or closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // closed already
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Link l : links) {
            l.from().close();
            l.to().close();
        }
    }
}
