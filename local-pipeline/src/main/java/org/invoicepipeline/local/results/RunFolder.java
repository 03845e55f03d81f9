package org.invoicepipeline.local.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One run's own output folder, {@code <output>/runs/<yyyyMMdd-HHmmss>} (a {@code -2}, {@code -3}, ... suffix when
 * that second is taken), and the stable pointer to the newest run: the symbolic link {@code <output>/latest ->
 * runs/<run>}, replaced atomically when the next run starts. Where the file system cannot hold a symbolic link the
 * rule is {@code <output>/latest.txt}: one line, the newest run's folder relative to {@code <output>}.
 */
public final class RunFolder {

    public static final String RUNS = "runs";
    public static final String LATEST = "latest";
    public static final String LATEST_TXT = "latest.txt";

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path output;
    private final Path folder;
    private final boolean linked;

    private RunFolder(Path output, Path folder, boolean linked) {
        this.output = output;
        this.folder = folder;
        this.linked = linked;
    }

    /** Creates the run's folder under {@code output} and points {@code latest} at it. */
    public static RunFolder create(Path output, LocalDateTime now) {
        Path base = output.toAbsolutePath().normalize();
        try {
            Path runs = Files.createDirectories(base.resolve(RUNS));
            String id = RUN_ID.format(now);
            Path folder = runs.resolve(id);
            for (int n = 2; ; n++) {
                try {
                    Files.createDirectory(folder);
                    break;
                }
                catch (FileAlreadyExistsException taken) {
                    folder = runs.resolve(id + "-" + n);
                }
            }
            return new RunFolder(base, folder, pointLatestAt(base, folder));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Creating the run folder under " + base + " failed", e);
        }
    }

    private static boolean pointLatestAt(Path base, Path folder) throws IOException {
        Path target = base.relativize(folder);
        Path latest = base.resolve(LATEST);
        Path temporary = base.resolve(LATEST + ".tmp-" + folder.getFileName());
        try {
            Files.deleteIfExists(temporary);
            Files.createSymbolicLink(temporary, target);
            if (Files.exists(latest, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(latest)) {
                throw new IOException(latest + " exists and is not a link");
            }
            Files.move(temporary, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(base.resolve(LATEST_TXT));
            return true;
        }
        catch (UnsupportedOperationException | IOException | SecurityException noLinks) {
            Files.deleteIfExists(temporary);
            Files.writeString(base.resolve(LATEST_TXT), target.toString().replace('\\', '/') + System.lineSeparator());
            return false;
        }
    }

    /** The run's folder. */
    public Path folder() {
        return folder;
    }

    /** The run's id, the folder's name. */
    public String id() {
        return folder.getFileName().toString();
    }

    /** How a user reaches this run's results: {@code <output>/latest}, or the run folder itself without a link. */
    public Path stablePath() {
        return linked ? output.resolve(LATEST) : folder;
    }

    public boolean linked() {
        return linked;
    }
}
