package org.invoicepipeline.local;

import org.invoicepipeline.local.cli.BadArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad command lines are refused before anything starts, naming the flag and the expected form. */
class LaunchOptionsValidationTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--timeout | banana | --timeout banana: not a duration (expected a duration such as 90s",
            "--timeout | 0s | --timeout 0: must be longer than zero",
            "--grace-period | -5s | --grace-period -5s: negative",
            "--sandbox-page-time | 10x | --sandbox-page-time 10x: not a duration",
            "--sandbox-rate-limit-scale | fast | --sandbox-rate-limit-scale fast: not a positive number",
            "--sandbox-rate-limit-scale | 0 | --sandbox-rate-limit-scale 0: not a positive number",
            "--api-base-url | ftp://example/v1 | --api-base-url ftp://example/v1: not an http(s) URL (expected e.g. https://",
            "--bootstrap-servers | localhost | --bootstrap-servers localhost: not HOST:PORT (expected e.g. localhost:9092",
            "--profile | ' ' | --profile is empty (expected --profile NAME)",
    })
    void aBadValueNamesItsFlagAndTheExpectedForm(String flag, String value, String message) {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {flag, value}))
                .isInstanceOfSatisfying(BadArgumentException.class, e -> assertThat(e.flag()).isEqualTo(flag))
                .hasMessageStartingWith(message);
    }

    @Test
    void aFlagWithoutItsValueSaysWhatItNeeds() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--input"}))
                .hasMessage("--input needs a value (expected --input DIR)");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--timeout", "--watch"}))
                .hasMessage("--timeout needs a value (expected --timeout DURATION)");
    }

    @Test
    void aMissingInputFolderIsRefusedBeforeAnythingStarts() {
        Path missing = dir.resolve("does-not-exist");
        long start = System.nanoTime();

        assertThatThrownBy(() -> LocalPipelineMain.checked(new String[] {"--input", missing.toString()}))
                .isInstanceOf(BadArgumentException.class)
                .hasMessage("--input " + missing + ": no such folder (expected --input DIR, an existing folder of invoice files)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aFileGivenAsInputIsRefusedNamingItsFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("invoice.pdf"), "x");

        assertThatThrownBy(() -> LocalPipelineMain.checked(new String[] {"--input", file.toString()}))
                .hasMessage("--input " + file + ": is a file, not a folder (expected --input DIR, the folder holding it: --input " + dir + ")");
    }

    @Test
    void aFolderWithNothingToRegisterIsRefusedUnlessWatching() throws Exception {
        Files.createDirectories(dir.resolve("2025"));
        Files.writeString(dir.resolve(".hidden.pdf"), "x");

        assertThatThrownBy(() -> LocalPipelineMain.checked(new String[] {"--input", dir.toString()}))
                .hasMessageStartingWith("--input " + dir + ": no files to register (subfolders are searched only with --recursive)");
        assertThat(LocalPipelineMain.checked(new String[] {"--input", dir.toString(), "--watch"}).watch()).isTrue();
    }

    @Test
    void anOutputThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "x");

        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--output", file.resolve("sub").toString()})
                .validate(Map.<String, String>of()::get))
                .isInstanceOfSatisfying(BadArgumentException.class, e -> assertThat(e.flag()).isEqualTo("--output"))
                .hasMessageContaining("is a file, not a folder");
    }

    @Test
    void theRealApiNeedsItsKeyInTheEnvironment() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--api-base-url", "https://api.example/v1"});

        assertThatThrownBy(() -> options.validate(Map.<String, String>of()::get))
                .hasMessageContaining("INVOICE_DATA_EXTRACTION_API_KEY");
        assertThat(options.validate(Map.of("INVOICE_DATA_EXTRACTION_API_KEY", "k")::get)).isSameAs(options);
    }

    @Test
    void recursiveAndGracePeriodAreRead() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--recursive", "--grace-period=5s"});

        assertThat(options.recursive()).isTrue();
        assertThat(options.gracePeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(LaunchOptions.format(Duration.ofMinutes(20))).isEqualTo("20m");
        assertThat(LaunchOptions.format(Duration.ofSeconds(90))).isEqualTo("90s");
    }
}
