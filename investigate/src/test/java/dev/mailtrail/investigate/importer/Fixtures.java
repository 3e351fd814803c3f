package dev.mailtrail.investigate.importer;

import dev.mailtrail.investigate.importer.identity.InMemoryKnownRecords;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** The hand-written exports under {@code src/test/resources/importer}, and a one-line way to import them. */
final class Fixtures {
    private Fixtures() {}

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/importer/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    static ImportSummary importInto(CollectingSink sink, Path... inputs) throws Exception {
        return importInto(sink, ImportOptions.defaults(), inputs);
    }

    static ImportSummary importInto(CollectingSink sink, ImportOptions options, Path... inputs) throws Exception {
        return new Importer(options, new InMemoryKnownRecords()).run(List.of(inputs), sink, ImportProgress.NONE);
    }

    static CollectingSink imported(String fixture) throws Exception {
        CollectingSink sink = new CollectingSink();
        importInto(sink, path(fixture));
        return sink;
    }
}
