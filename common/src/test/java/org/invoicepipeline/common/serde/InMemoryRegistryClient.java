package org.invoicepipeline.common.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.apicurio.registry.resolver.client.RegistryArtifactReference;
import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryVersionCoordinates;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.rest.client.models.ProblemDetails;
import org.apache.avro.Schema;

/**
 * An in-memory Apicurio registry for serde tests (shipped in the common test-jar): artifacts with versions,
 * content ids shared by identical content, lookups by content id, global id and coordinates.
 * {@link #failLookupsWith} simulates an unreachable registry.
 */
public class InMemoryRegistryClient implements RegistryClientFacade {

    private record Version(long globalId, long contentId, String groupId, String artifactId, String version,
            String content) {
    }

    private final Map<String, Long> contentIds = new ConcurrentHashMap<>();
    private final Map<Long, String> contentById = new ConcurrentHashMap<>();
    private final List<Version> versions = new ArrayList<>();
    private final AtomicLong nextContentId = new AtomicLong(1);
    private final AtomicLong nextGlobalId = new AtomicLong(1);
    private volatile Supplier<RuntimeException> lookupFailure;

    /** Registers {@code schema} as the next version of {@code groupId/artifactId}; returns its content id. */
    public synchronized long register(String groupId, String artifactId, String schema) {
        return create(groupId, artifactId, schema).getContentId();
    }

    /** Makes every schema lookup throw what {@code failure} supplies; {@code null} restores lookups. */
    public void failLookupsWith(Supplier<RuntimeException> failure) {
        this.lookupFailure = failure;
    }

    public synchronized int versionCount() {
        return versions.size();
    }

    @Override
    public String getSchemaByContentId(Long contentId) {
        checkReachable();
        return found(contentById.get(contentId), "content id " + contentId);
    }

    @Override
    public synchronized String getSchemaByGlobalId(long globalId, boolean dereferenced) {
        checkReachable();
        return versions.stream().filter(v -> v.globalId == globalId).findFirst().map(Version::content)
                .orElseGet(() -> found(null, "global id " + globalId));
    }

    @Override
    public synchronized String getSchemaByGAV(String groupId, String artifactId, String version) {
        checkReachable();
        return find(groupId, artifactId, version).content();
    }

    @Override
    public String getSchemaByContentHash(String contentHash) {
        checkReachable();
        return found(null, "content hash " + contentHash);
    }

    @Override
    public List<RegistryArtifactReference> getReferencesByContentId(long contentId) {
        return List.of();
    }

    @Override
    public List<RegistryArtifactReference> getReferencesByGlobalId(long globalId) {
        return List.of();
    }

    @Override
    public List<RegistryArtifactReference> getReferencesByGAV(String groupId, String artifactId, String version) {
        return List.of();
    }

    @Override
    public List<RegistryArtifactReference> getReferencesByContentHash(String contentHash) {
        return List.of();
    }

    @Override
    public synchronized List<RegistryVersionCoordinates> searchVersionsByContent(String content, String artifactType,
            ArtifactReference reference, boolean canonical) {
        checkReachable();
        Schema wanted = new Schema.Parser().parse(content);
        return versions.stream()
                .filter(v -> reference == null || (Objects.equals(group(reference.getGroupId()), v.groupId)
                        && Objects.equals(reference.getArtifactId(), v.artifactId)))
                .filter(v -> new Schema.Parser().parse(v.content).equals(wanted))
                .map(InMemoryRegistryClient::coordinates)
                .toList();
    }

    @Override
    public synchronized RegistryVersionCoordinates createSchema(String artifactType, String groupId, String artifactId,
            String version, String autoCreateBehavior, boolean canonical, String content,
            Set<RegistryArtifactReference> references) {
        checkReachable();
        Schema wanted = new Schema.Parser().parse(content);
        return versions.stream()
                .filter(v -> v.groupId.equals(group(groupId)) && v.artifactId.equals(artifactId))
                .filter(v -> new Schema.Parser().parse(v.content).equals(wanted))
                .findFirst()
                .map(InMemoryRegistryClient::coordinates)
                .orElseGet(() -> create(groupId, artifactId, content));
    }

    @Override
    public synchronized RegistryVersionCoordinates getVersionCoordinatesByGAV(String groupId, String artifactId,
            String version) {
        checkReachable();
        return coordinates(find(groupId, artifactId, version));
    }

    @Override
    public Object getClient() {
        return null;
    }

    private synchronized RegistryVersionCoordinates create(String groupId, String artifactId, String content) {
        long contentId = contentIds.computeIfAbsent(content, c -> {
            long id = nextContentId.getAndIncrement();
            contentById.put(id, c);
            return id;
        });
        long count = versions.stream()
                .filter(v -> v.groupId.equals(group(groupId)) && v.artifactId.equals(artifactId)).count();
        Version created = new Version(nextGlobalId.getAndIncrement(), contentId, group(groupId), artifactId,
                Long.toString(count + 1), content);
        versions.add(created);
        return coordinates(created);
    }

    private Version find(String groupId, String artifactId, String version) {
        List<Version> matching = versions.stream()
                .filter(v -> v.groupId.equals(group(groupId)) && v.artifactId.equals(artifactId))
                .filter(v -> version == null || version.equals("latest") || v.version.equals(version))
                .toList();
        if (matching.isEmpty()) {
            throw notFound("artifact " + group(groupId) + "/" + artifactId + " version " + version);
        }
        return matching.get(matching.size() - 1);
    }

    private static RegistryVersionCoordinates coordinates(Version v) {
        return RegistryVersionCoordinates.create(v.globalId, v.contentId, v.groupId, v.artifactId, v.version);
    }

    private static String group(String groupId) {
        return groupId == null ? "default" : groupId;
    }

    private void checkReachable() {
        Supplier<RuntimeException> failure = lookupFailure;
        if (failure != null) {
            throw failure.get();
        }
    }

    private static String found(String content, String what) {
        if (content == null) {
            throw notFound(what);
        }
        return content;
    }

    private static ProblemDetails notFound(String what) {
        ProblemDetails problem = new ProblemDetails();
        problem.setStatus(404);
        problem.setTitle("Not found");
        problem.setDetail("No " + what);
        return problem;
    }
}
