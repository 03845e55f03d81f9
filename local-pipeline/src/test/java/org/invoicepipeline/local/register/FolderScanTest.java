package org.invoicepipeline.local.register;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FolderScanTest {

    @TempDir
    Path root;

    @Test
    void theSkippedLineNamesEachReasonWithItsPaths() {
        FolderScan scan = new FolderScan(List.of(), List.of(
                new FolderScan.Skipped(".DS_Store", "hidden"),
                new FolderScan.Skipped(".git", "hidden"),
                new FolderScan.Skipped("2025", "subfolder (add --recursive to include it)"),
                new FolderScan.Skipped("a/b", FolderScan.NOT_A_SKIP)));

        assertThat(scan.skipped()).hasSize(3);
        assertThat(scan.skippedLine(5))
                .isEqualTo("Skipped 3: hidden: .DS_Store, .git; subfolder (add --recursive to include it): 2025");
        assertThat(scan.skippedLine(1)).isEqualTo(
                "Skipped 3: hidden: .DS_Store and 1 more; subfolder (add --recursive to include it): 2025");
        assertThat(new FolderScan(List.of(), List.of()).skippedLine(5)).isEmpty();
    }

    @Test
    void whatIsLeftOutAndWhy() throws Exception {
        Path sub = Files.createDirectories(root.resolve("2025"));
        Path hiddenFolder = Files.createDirectories(root.resolve(".cache"));
        Path invoice = Files.writeString(sub.resolve("inv.pdf"), "x");

        assertThat(FolderRegistrar.skipReason(root, sub, false)).isEqualTo("subfolder (add --recursive to include it)");
        assertThat(FolderRegistrar.skipReason(root, sub, true)).isEqualTo(FolderScan.NOT_A_SKIP);
        assertThat(FolderRegistrar.skipReason(root, invoice, true)).isNull();
        assertThat(FolderRegistrar.skipReason(root, hiddenFolder, true)).isEqualTo("hidden");
        assertThat(FolderRegistrar.skipReason(root, Files.writeString(hiddenFolder.resolve("a.pdf"), "x"), true))
                .as("inside a hidden folder: left out with it, not reported again").isEqualTo(FolderScan.NOT_A_SKIP);
        assertThat(FolderRegistrar.skipReason(root, Files.writeString(root.resolve("big.pdf.part"), "x"), false))
                .isEqualTo("still being written (.part/.tmp)");
        assertThat(FolderRegistrar.skipReason(root, Files.writeString(root.resolve("notes.txt"), "x"), false))
                .as("unsupported types are registered: they end with UNSUPPORTED_FILE_TYPE by name").isNull();
        assertThat(FolderRegistrar.hasCandidates(root, false)).isTrue();
        Files.delete(root.resolve("notes.txt"));
        assertThat(FolderRegistrar.hasCandidates(root, false)).isFalse();
        assertThat(FolderRegistrar.hasCandidates(root, true)).isTrue();
    }
}
