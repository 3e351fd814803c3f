package dev.mailtrail.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessWindowTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final AccessWindow window =
            new AccessWindow("key", Access.owner("alice@contoso.com").bind(T0, "A"), T0.plus(Duration.ofMinutes(2)));

    @Test
    void foldersKeepTheOrderTheyWereFirstReadIn() {
        window.add(Access.folderAt("\\Inbox"), Access.message("A"));
        window.add(Access.folderAt("\\Finance"), Access.message("B"));
        window.add(Access.folderAt("\\Inbox"), Access.message("C"));
        window.add(Access.folderAt("\\Archive"), Access.message("D"));
        window.add(Access.folderAt("\\Finance"), Access.message("E"));

        List<String> seen = new ArrayList<>();
        window.forEachFolder((folder, items) ->
                seen.add(folder.path() + items.stream().map(ItemRef::id).toList()));

        assertThat(seen).containsExactly("\\Inbox[A, C]", "\\Finance[B, E]", "\\Archive[D]");
        assertThat(window.folderCount()).isEqualTo(3);
    }

    @Test
    void aFolderWithoutIdOrPathIsAFolderToo() {
        FolderRef none = new FolderRef(null, null);
        window.addFolder(none);
        window.add(new FolderRef(null, null), Access.message("A"));

        assertThat(window.folderCount()).isEqualTo(1);
    }

    @Test
    void aWindowCoversTwoMinutesFromItsFirstAccessToTheNanosecond() {
        assertThat(window.coversTime(T0)).isTrue();
        assertThat(window.coversTime(T0.plus(Duration.ofMinutes(2)).minusNanos(1)))
                .isTrue();
        assertThat(window.coversTime(T0.plus(Duration.ofMinutes(2)))).isFalse();
        assertThat(window.closedAt(T0.plus(Duration.ofMinutes(2)))).isTrue();
    }
}
