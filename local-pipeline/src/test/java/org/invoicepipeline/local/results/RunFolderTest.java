package org.invoicepipeline.local.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class RunFolderTest {

    @TempDir
    Path output;

    @Test
    void eachRunGetsItsOwnFolderAndLatestPointsAtTheNewest() throws Exception {
        LocalDateTime now = LocalDateTime.of(2026, 12, 4, 19, 30, 5);

        RunFolder first = RunFolder.create(output, now);
        Files.writeString(first.folder().resolve("results.csv"), "first");
        RunFolder second = RunFolder.create(output, now);

        assertThat(first.folder()).isEqualTo(output.resolve("runs/20261204-193005"));
        assertThat(second.folder()).isEqualTo(output.resolve("runs/20261204-193005-2"));
        assertThat(first.folder().resolve("results.csv")).hasContent("first");
        assertThat(second.linked()).isTrue();
        assertThat(Files.readSymbolicLink(output.resolve("latest"))).isEqualTo(Path.of("runs/20261204-193005-2"));
        assertThat(output.resolve("latest").toRealPath()).isEqualTo(second.folder().toRealPath());
        assertThat(second.stablePath()).isEqualTo(output.toAbsolutePath().resolve("latest"));
        try (var entries = Files.list(output)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("runs", "latest");
        }
    }
}
