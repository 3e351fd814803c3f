package dev.mailtrail.demo.dovecot;

import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.corpus.SeedMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;

/**
 * Writes the corpus straight into Maildirs (Dovecot's {@code maildir:~/Maildir} layout, folders as
 * {@code .Finance}), each file named with its size ({@code ,S=} and {@code ,W=}: the bytes are CRLF already, so
 * the two agree and Dovecot's RFC822.SIZE is the seeded length) and dated with its INTERNALDATE.
 */
final class MaildirSeeder {
    private MaildirSeeder() {}

    /** The Maildir of {@code user} under {@code mailRoot}. */
    static Path maildir(Path mailRoot, String user) {
        return mailRoot.resolve(user).resolve("Maildir");
    }

    static void seed(Path mailRoot, List<String> users, List<String> extraFolders, List<SeedMessage> corpus)
            throws IOException {
        for (String user : users) {
            Path maildir = maildir(mailRoot, user);
            createFolder(maildir);
            for (String folder : DemoCorpus.folders(corpus, user)) {
                createFolder(folderPath(maildir, folder));
            }
            for (String folder : extraFolders) {
                createFolder(folderPath(maildir, folder));
            }
        }
        int sequence = 0;
        for (SeedMessage message : corpus) {
            Path cur = folderPath(maildir(mailRoot, message.owner()), message.folder())
                    .resolve("cur");
            createFolder(cur.getParent());
            String name = String.format(
                    Locale.ROOT,
                    "%d.M%dP1.mailtrail-demo,S=%d,W=%d:2,%s",
                    message.received().getEpochSecond(),
                    sequence++,
                    message.size(),
                    message.size(),
                    message.seen() ? "S" : "");
            Path file = cur.resolve(name);
            Files.write(file, message.rfc5322());
            Files.setLastModifiedTime(file, FileTime.from(message.received()));
        }
    }

    /** Grants {@code grantee} the IMAP ACL {@code rights} on {@code owner}'s {@code folder}, as SETACL would. */
    static void share(Path mailRoot, Path sharedDictionary, String owner, String folder, String grantee, String rights)
            throws IOException {
        Path shared = folderPath(maildir(mailRoot, owner), folder);
        createFolder(shared);
        Path acl = shared.resolve("dovecot-acl");
        Files.writeString(acl, "user=" + grantee + " " + rights + "\n", StandardCharsets.UTF_8);
        // The ACL plugin lists a user's shared mailboxes from this dictionary (Dovecot's file dict format:
        // key line, value line), which SETACL would have updated.
        Files.writeString(
                sharedDictionary,
                "shared/shared-boxes/user/" + grantee + "/" + owner + "\n1\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static Path folderPath(Path maildir, String folder) {
        return folder.equals(DemoCorpus.INBOX) ? maildir : maildir.resolve("." + folder.replace('/', '.'));
    }

    private static void createFolder(Path folder) throws IOException {
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(folder.resolve(sub));
        }
        if (!folder.getFileName().toString().equals("Maildir")) {
            Path marker = folder.resolve("maildirfolder");
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
        }
    }
}
