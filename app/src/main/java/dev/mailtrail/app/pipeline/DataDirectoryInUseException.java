package dev.mailtrail.app.pipeline;

import java.io.IOException;
import java.nio.file.Path;

/** Another process writes this data directory. The message says which, and what to do. */
public final class DataDirectoryInUseException extends IOException {
    public DataDirectoryInUseException(Path directory, String holder) {
        super("the data directory " + directory + " is in use by another MailTrail process"
                + (holder.isEmpty() ? "" : " (" + holder + ")")
                + "; stop it first, or give this command another --data directory");
    }
}
