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
 * recognises, not new work. Hidden files and the samples' {@code expected-values.json} manifest are skipped; every
 * other file is registered, so unsupported ones show up as dead letters with the upload stage's code.
 */
public final class FolderRegistrar implements AutoCloseable {

    /** Name of the manifest the sample generator writes next to the invoices. */
    public static final String MANIFEST = "expected-values.json";

    /** Characters not kept in the readable part of a file id. */
    private static final Pattern UNSAFE_ID_CHARS = Pattern.compile("[^A-Za-z0-9._-]");

    private final KafkaProducer<String, FileRegistered> producer;
    private final String topic;
    private final String profile;
    private final String batchKey;
    private final Clock clock;
    private final Set<Path> registered = ConcurrentHashMap.newKeySet();

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

    /** Registers the folder's files not registered before by this registrar; returns them. */
    public List<FileRegistered> registerNew(Path folder) {
        List<FileRegistered> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                Path absolute = file.toAbsolutePath().normalize();
                if (isCandidate(file) && registered.add(absolute)) {
                    events.add(event(absolute));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Listing " + folder + " failed", e);
        }
        publish(events);
        return events;
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

    private static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".") && !name.equals(MANIFEST)
                && !name.endsWith(".part") && !name.endsWith(".tmp");
    }

    private FileRegistered event(Path file) {
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
                    .setAttributes(Map.of("local_path", file.toString()))
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
