package dev.mailtrail.app.api.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.app.files.PrivateFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code api-access.json} in the data directory (0600): the accounts and tokens {@code mt account} and {@code mt
 * token} manage. Written whole to a temporary file and renamed over the old one, so a reader never sees half a file;
 * a running server reads it again when it changed (one stat per request), so an account added or removed takes effect
 * at once, without a restart.
 */
public final class AccessFile {
    public static final String NAME = "api-access.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private volatile Loaded loaded = new Loaded(null, -1, null, AccessList.EMPTY);

    /** A rename over the file (how it is written) gives a new file key even within one mtime tick. */
    private record Loaded(FileTime modified, long size, Object fileKey, AccessList list) {}

    public AccessFile(Path dataDirectory) {
        this.file = dataDirectory.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    /** The list as the file has it now; a file that cannot be read keeps the last list read, and says so. */
    public AccessList current() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return AccessList.EMPTY;
        }
        Loaded seen = loaded;
        if (attributes.lastModifiedTime().equals(seen.modified())
                && attributes.size() == seen.size()
                && java.util.Objects.equals(attributes.fileKey(), seen.fileKey())) {
            return seen.list();
        }
        AccessList list = parse(JSON.readTree(file.toFile()));
        loaded = new Loaded(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey(), list);
        return list;
    }

    /** Replaces the file with {@code list}. */
    public void write(AccessList list) throws IOException {
        PrivateFiles.directory(file.getParent());
        Path temporary = file.resolveSibling(NAME + ".new");
        try (Writer out = PrivateFiles.newWriter(temporary)) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out, tree(list));
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static ObjectNode tree(AccessList list) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode accounts = root.putArray("accounts");
        for (Account a : list.accounts()) {
            ObjectNode node = accounts.addObject();
            node.put("name", a.name());
            node.put("password", a.passwordHash());
            roles(node, a.roles());
            scope(node, a.scope());
        }
        ArrayNode tokens = root.putArray("tokens");
        for (ApiToken t : list.tokens()) {
            ObjectNode node = tokens.addObject();
            node.put("name", t.name());
            node.put("id", t.id());
            node.put("sha256", t.secretSha256());
            roles(node, t.roles());
            scope(node, t.scope());
        }
        return root;
    }

    private static void roles(ObjectNode node, Set<Role> roles) {
        ArrayNode array = node.putArray("roles");
        roles.stream().sorted().forEach(r -> array.add(r.displayName()));
    }

    private static void scope(ObjectNode node, ManagementScope scope) {
        ArrayNode array = node.putArray("scope");
        scope.mailboxes().stream().sorted().forEach(array::add);
    }

    private AccessList parse(JsonNode root) throws IOException {
        try {
            List<Account> accounts = new ArrayList<>();
            for (JsonNode node : root.path("accounts")) {
                accounts.add(new Account(
                        node.get("name").asText(), node.get("password").asText(), roles(node), scope(node)));
            }
            List<ApiToken> tokens = new ArrayList<>();
            for (JsonNode node : root.path("tokens")) {
                tokens.add(new ApiToken(
                        node.get("name").asText(),
                        node.get("id").asText(),
                        node.get("sha256").asText(),
                        roles(node),
                        scope(node)));
            }
            return new AccessList(accounts, tokens);
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new IOException(file + ": not an access list MailTrail wrote (" + e.getMessage() + ")", e);
        }
    }

    private static Set<Role> roles(JsonNode node) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode role : node.path("roles")) {
            roles.add(Role.named(role.asText()));
        }
        return roles;
    }

    private static ManagementScope scope(JsonNode node) {
        List<String> mailboxes = new ArrayList<>();
        node.path("scope").forEach(m -> mailboxes.add(m.asText()));
        return new ManagementScope(Set.copyOf(mailboxes));
    }
}
