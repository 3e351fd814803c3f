package dev.mailtrail.app.api.cli;

import dev.mailtrail.app.api.access.AccessFile;
import dev.mailtrail.app.api.access.AccessList;
import dev.mailtrail.app.files.FileFailure;
import java.io.IOException;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import picocli.CommandLine.Model.CommandSpec;

/** Removes one named entry of the data directory's access file: {@code mt account remove}, {@code mt token remove}. */
final class AccessRemoval {
    private AccessRemoval() {}

    /**
     * @param what {@code account} or {@code token}, as the command and its messages name it
     * @return the command's exit status: 0 removed, 1 no such entry or the file cannot be changed
     */
    static int remove(
            CommandSpec spec,
            DataOption options,
            String what,
            String name,
            BiPredicate<AccessList, String> holds,
            BiFunction<AccessList, String, AccessList> without) {
        try {
            AccessFile file = new AccessFile(options.directory());
            AccessList list = file.current();
            if (!holds.test(list, name)) {
                spec.commandLine().getErr().println("mt " + what + " remove: no " + what + " " + name);
                return 1;
            }
            file.write(without.apply(list, name));
            spec.commandLine().getOut().println(what + " " + name + " removed");
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("mt " + what + " remove: " + FileFailure.describe(e));
            return 1;
        }
    }
}
