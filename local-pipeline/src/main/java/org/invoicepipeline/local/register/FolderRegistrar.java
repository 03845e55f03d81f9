package org.invoicepipeline.local.register;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.common.events.EventKeys;
import org.invoicepipeline.common.hash.Sha256;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.events.FileRegistered;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Publishes a FileRegistered for every file of a folder (what an upstream producer would do). File ids are
 * derived from the file's absolute path, so registering the same folder again is a replay the upload stage
 * recognises, not new work. Hidden files and folders, files still being written ({@code .part}, {@code .tmp}) and
 * the samples' {@code expected-values.json} manifest are skipped, and so are subfolders unless the scan is
 * recursive; every other file is registered, so unsupported ones end with the upload stage's code in the results
 * rather than being left out silently.
 */
public final class FolderRegistrar implements AutoCloseable {

    /** Name of the manifest the sample generator writes next to the invoices. */
    public static final String MANIFEST = "expected-values.json";

    /** Attribute holding the file's absolute path. */
    public static final String LOCAL_PATH = "local_path";

    /** Attribute holding the file's path relative to the input folder ({@code sub/inv-1.pdf}, '/'-separated). */
    public static final String RELATIVE_PATH = "relative_path";

    /** Characters not kept in the readable part of a file id. */
    private static final Pattern UNSAFE_ID_CHARS = Pattern.compile("[^A-Za-z0-9._-]");

    private final KafkaProducer<String, FileRegistered> producer;
    private final String topic;
    private final String profile;
    private final String batchKey;
    private final Clock clock;
    private final Set<Path> registered = ConcurrentHashMap.newKeySet();
    private final Set<Path> reported = ConcurrentHashMap.newKeySet();

    public FolderRegistrar(String bootstrapServers, String topic, String profile, String batchKey, Clock clock) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new EventSerializer<>());
        this.topic = topic;
        this.profile = profile;
        this.batchKey = batchKey;
        this.clock = clock;
    }

    /** Registers the folder's files (not its subfolders') not registered before by this registrar; returns them. */
    public List<FileRegistered> registerNew(Path folder) {
        return scan(folder, false).registered();
    }

    /**
     * Registers the files of {@code folder} (and of its subfolders when {@code recursive}) not registered before
     * by this registrar. Each file's path relative to {@code folder} is kept in its {@link #RELATIVE_PATH}
     * attribute. Returns what was registered and what was left out, with why (each left-out path reported once).
     */
    public FolderScan scan(Path folder, boolean recursive) {
        Path root = folder.toAbsolutePath().normalize();
        List<FileRegistered> events = new ArrayList<>();
        List<FolderScan.Skipped> skipped = new ArrayList<>();
        try (Stream<Path> files = recursive ? Files.walk(root) : Files.list(root)) {
            for (Path file : files.filter(f -> !f.equals(root)).sorted().toList()) {
                Path absolute = file.toAbsolutePath().normalize();
                String reason = skipReason(root, absolute, recursive);
                if (reason != null) {
                    if (reported.add(absolute)) {
                        skipped.add(new FolderScan.Skipped(relative(root, absolute), reason));
                    }
                }
                else if (registered.add(absolute)) {
                    events.add(event(absolute, relative(root, absolute)));
                }
            }
        }
        catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("Listing " + folder + " failed", e instanceof IOException io ? io
                    : ((UncheckedIOException) e).getCause());
        }
        publish(events);
        return new FolderScan(events, skipped);
    }

    /**
     * Whether a scan of {@code folder} would register anything, without registering: checked before the run starts
     * so an empty folder is a bad argument, not a run that waits for nothing.
     */
    public static boolean hasCandidates(Path folder, boolean recursive) {
        Path root = folder.toAbsolutePath().normalize();
        try (Stream<Path> files = recursive ? Files.walk(root) : Files.list(root)) {
            return files.filter(f -> !f.equals(root))
                    .anyMatch(f -> skipReason(root, f.toAbsolutePath().normalize(), recursive) == null);
        }
        catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** The file id a file is registered under: readable name part plus a hash of its absolute path. */
    public static String fileIdOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = UNSAFE_ID_CHARS.matcher(absolute.getFileName().toString()).replaceAll("_");
        if (name.length() > 80) {
            name = name.substring(0, 80);
        }
        return "local-" + name + "-" + Sha256.hexPrefix(absolute.toString(), 16);
    }

    /** Why {@code file} is not registered, or null when it is a candidate. */
    static String skipReason(Path root, Path file, boolean recursive) {
        String name = file.getFileName().toString();
        if (hiddenFolderBetween(root, file)) {
            return FolderScan.NOT_A_SKIP;
        }
        if (name.startsWith(".")) {
            return "hidden";
        }
        if (Files.isDirectory(file)) {
            return recursive ? FolderScan.NOT_A_SKIP : "subfolder (add --recursive to include it)";
        }
        if (!Files.isRegularFile(file)) {
            return "not a regular file";
        }
        if (name.equals(MANIFEST)) {
            return FolderScan.NOT_A_SKIP; // the samples' own manifest, not a file anybody dropped in
        }
        if (name.endsWith(".part") || name.endsWith(".tmp")) {
            return "still being written (.part/.tmp)";
        }
        return null;
    }

    /** A file under a hidden subfolder is left out unreported (the folder itself is reported as hidden). */
    private static boolean hiddenFolderBetween(Path root, Path file) {
        Path parent = file.getParent();
        while (parent != null && !parent.equals(root)) {
            if (parent.getFileName().toString().startsWith(".")) {
                return true;
            }
            parent = parent.getParent();
        }
        return false;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private FileRegistered event(Path file, String relativePath) {
        try {
            return FileRegistered.newBuilder()
                    .setFileId(fileIdOf(file))
                    .setSourceUri(file.toUri().toString())
                    .setFileName(file.getFileName().toString())
                    .setSizeBytes(Files.size(file))
                    .setContentType(contentType(file))
                    .setBatchKey(batchKey)
                    .setProfile(profile)
                    .setRegisteredAt(clock.instant())
                    .setAttributes(Map.of(LOCAL_PATH, file.toString(), RELATIVE_PATH, relativePath))
                    .build();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Reading " + file + " failed", e);
        }
    }

    private void publish(List<FileRegistered> events) {
        var sends = events.stream()
                .map(event -> producer.send(new ProducerRecord<>(topic, EventKeys.of(event), event)))
                .toList();
        try {
            for (var send : sends) {
                send.get();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while registering files", e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Registering files failed", e.getCause());
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }

    @Override
    public void close() {
        producer.close();
    }
}
