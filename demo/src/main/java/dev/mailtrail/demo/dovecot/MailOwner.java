package dev.mailtrail.demo.dovecot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;

/**
 * The system account Dovecot's processes and mail files run as. Dovecot refuses to touch mail as root, so when
 * MailTrail runs as root the mail belongs to the {@code dovecot} account the Debian package creates; otherwise
 * everything runs as the current user.
 *
 * @param user the account name ({@code default_login_user}, {@code default_internal_user}, the userdb's uid)
 * @param group its group name
 * @param root whether MailTrail runs as root (Dovecot then drops privileges itself)
 */
record MailOwner(String user, String group, boolean root) {
    /** The Debian package's unprivileged account for logins. */
    static final String LOGIN_USER_WHEN_ROOT = "dovenull";

    static MailOwner of(Path probeDirectory) {
        try {
            Path probe = Files.createTempFile(probeDirectory, "owner", ".probe");
            try {
                PosixFileAttributeView view = Files.getFileAttributeView(probe, PosixFileAttributeView.class);
                int uid = (Integer) Files.getAttribute(probe, "unix:uid");
                if (uid == 0) {
                    return new MailOwner("dovecot", "dovecot", true);
                }
                return new MailOwner(
                        view.readAttributes().owner().getName(),
                        view.readAttributes().group().getName(),
                        false);
            } finally {
                Files.delete(probe);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("finding who owns files in " + probeDirectory, e);
        }
    }

    /** The user Dovecot's login processes run as. */
    String loginUser() {
        return root ? LOGIN_USER_WHEN_ROOT : user;
    }

    /** Gives {@code tree} and everything below it to this owner (only needed, and only possible, as root). */
    void takeOwnership(Path tree) throws IOException {
        if (!root) {
            return;
        }
        UserPrincipalLookupService lookup = tree.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner;
        GroupPrincipal ownerGroup;
        try {
            owner = lookup.lookupPrincipalByName(user);
            ownerGroup = lookup.lookupPrincipalByGroupName(group);
        } catch (IOException e) {
            throw new IOException(
                    "there is no '" + user + "' account; Dovecot's Debian packages create it"
                            + " (apt-get install dovecot-imapd dovecot-pop3d)",
                    e);
        }
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                own(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                own(file);
                return FileVisitResult.CONTINUE;
            }

            private void own(Path path) throws IOException {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(owner);
                view.setGroup(ownerGroup);
            }
        });
    }
}
