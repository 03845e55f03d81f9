package org.invoicepipeline.download.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalDirectoryOutputStoreTest {

    @TempDir
    Path root;

    @Test
    void storingTheSameKeyAgainOverwritesInsteadOfDuplicating() throws Exception {
        LocalDirectoryOutputStore store = new LocalDirectoryOutputStore(root);

        store.put("extractions/e-1/output.json", bytes("first"));
        StoredObject second = store.put("extractions/e-1/output.json", bytes("second"));

        Path file = root.resolve("extractions/e-1/output.json");
        assertThat(file).hasContent("second");
        assertThat(second.sizeBytes()).isEqualTo(6);
        assertThat(second.sha256()).isEqualTo("16367aacb67a4a017c8da8ab95682ccb390863780f7114dda0a0e0c55644c7c4");
        assertThat(second.uri()).isEqualTo(file.toUri().toString());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        assertThat(store.exists("extractions/e-1/output.json")).isTrue();
        assertThat(store.exists("extractions/e-1/output.csv")).isFalse();
    }

    @Test
    void keysCannotEscapeTheRoot() {
        LocalDirectoryOutputStore store = new LocalDirectoryOutputStore(root);

        assertThatThrownBy(() -> store.put("../outside.json", bytes("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("a//b.json", bytes("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("/etc/passwd", bytes("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
