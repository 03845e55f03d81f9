package org.invoicepipeline.download.store;

import org.invoicepipeline.common.hash.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@link OutputStore} on a local (or mounted) directory. Each object is written to a temporary file in the
 * target directory and moved into place, so a crash never leaves a truncated file under the final name.
 */
public final class LocalDirectoryOutputStore implements OutputStore {

    /** One key segment: no empty segments, no "." or "..", no separators or control characters. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._:=+-]{1,200}");

    private final Path root;

    public LocalDirectoryOutputStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredObject put(String key, InputStream content) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            MessageDigest digest = Sha256.newDigest();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = content.transferTo(out);
            }
            move(temp, target);
            return new StoredObject(key, target.toUri().toString(), size, HexFormat.of().formatHex(digest.digest()));
        }
        finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    /** The file a key maps to; rejects keys that could escape the root. */
    Path resolve(String key) {
        Objects.requireNonNull(key, "key");
        String[] segments = key.split("/", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("Invalid output key segment '" + segment + "' in " + key);
            }
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Output key escapes the store root: " + key);
        }
        return path;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
