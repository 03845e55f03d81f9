package org.invoicepipeline.upload.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.upload.validation.RejectionCodes;

/** The configured {@link SourceStore}s, chosen by a source URI's scheme. */
public final class SourceStores implements AutoCloseable {

    private final Map<String, SourceStore> byScheme = new LinkedHashMap<>();

    public SourceStores(List<SourceStore> stores) {
        for (SourceStore store : stores) {
            store.schemes().forEach(scheme -> byScheme.put(scheme, store));
        }
    }

    /** Only local files inside {@code allowedRoots} (the stage's behaviour without object storage). */
    public static SourceStores localFiles(List<java.nio.file.Path> allowedRoots) {
        return new SourceStores(List.of(new LocalFileSourceStore(allowedRoots)));
    }

    /**
     * Resolves a registered {@code source_uri}: {@code INVALID_SOURCE_URI} when it is not a URI (characters such as
     * spaces must be percent-encoded; raw non-ASCII letters are accepted as their UTF-8 encoding),
     * {@code SOURCE_NOT_ALLOWED} for a scheme no store reads, else what the store says.
     */
    public SourceRef resolve(String sourceUri) {
        URI uri;
        try {
            uri = new URI(sourceUri);
        }
        catch (URISyntaxException e) {
            throw new RecordRejectedException(RejectionCodes.INVALID_SOURCE_URI, "source_uri is not a URI ("
                    + e.getReason() + " at index " + e.getIndex() + "); characters such as spaces must be percent-encoded");
        }
        SourceStore store = byScheme.get(scheme(uri));
        if (store == null) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_NOT_ALLOWED, "only " + String.join(", ",
                    byScheme.keySet().stream().map(s -> s + ":").toList()) + " sources are supported, got scheme "
                    + uri.getScheme());
        }
        return new SourceRef(store, store.resolve(uri));
    }

    /** The source a plan recorded, read by the store of its URI's scheme (the text before the first ':'). */
    public SourceRef planned(SourceObject source) {
        int colon = source.uri().indexOf(':');
        String scheme = colon < 0 ? "" : source.uri().substring(0, colon).toLowerCase(Locale.ROOT);
        SourceStore store = byScheme.get(scheme);
        if (store == null) {
            throw new IllegalStateException("no store reads " + scheme + ": sources (planned " + source.uri()
                    + "); configure it on every upload worker");
        }
        return new SourceRef(store, source);
    }

    /** Closes the stores that hold connections (object storage clients). */
    @Override
    public void close() throws Exception {
        for (SourceStore store : new java.util.LinkedHashSet<>(byScheme.values())) {
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }
}
