package dev.mailtrail.app.serve;

import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.ProxyConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** A proxy configuration file, as an administrator writes it, with one IMAP listener on a free loopback port. */
public final class ImapProxyConf {

    private ImapProxyConf() {}

    /** Writes {@code file}: the listener in front of the IMAP server on {@code upstreamPort}, and reads it back. */
    public static ProxyConfig write(Path file, int upstreamPort) throws Exception {
        return write(file, upstreamPort, "", "");
    }

    /**
     * As {@link #write(Path, int)}, with {@code upstreamLines} added to the [upstream imap] section (a lookup
     * account) and {@code sections} after the listener.
     */
    public static ProxyConfig write(Path file, int upstreamPort, String upstreamLines, String sections)
            throws Exception {
        Files.writeString(file, """
                [upstream imap]
                host = 127.0.0.1
                port = %d
                %s
                [listener imap]
                protocol = imap
                address = 127.0.0.1
                port = 0
                %s""".formatted(upstreamPort, upstreamLines, sections));
        return ProxyConfigFile.read(file);
    }
}
