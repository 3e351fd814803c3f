package dev.mailtrail.app.cmdlet;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Who made a configuration change, as the admin record's UserId names them: the operating-system account that ran
 * {@code mt}, never a name the caller chose. {@link UnixSystem} asks the kernel (getuid, getpwuid), which neither an
 * environment variable nor {@code -Duser.name} in {@code JAVA_TOOL_OPTIONS} can change; a change sent to a running
 * server through its socket is signed by the socket's peer credentials (SO_PEERCRED), whatever the sender claims.
 */
final class OperatingSystemUser {
    private OperatingSystemUser() {}

    /** The account this process runs as. */
    static String current() {
        try {
            return new UnixSystem().getUsername();
        } catch (RuntimeException | LinkageError notUnix) {
            // not a Unix system: the JDK's own reading of the account (getpwuid where there is one)
            return System.getProperty("user.name");
        }
    }

    /** The account of the process at the other end of a Unix-domain socket. */
    static String peerOf(SocketChannel channel) throws IOException {
        UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return peer.user().getName();
    }
}
