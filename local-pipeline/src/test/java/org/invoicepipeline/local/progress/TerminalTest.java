package org.invoicepipeline.local.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void onATerminalTheProgressLineIsRewrittenInPlace() {
        Terminal terminal = new Terminal(out, true);

        terminal.status("one");
        terminal.status("two");
        terminal.println("message");
        terminal.status("three");
        terminal.finishStatus();

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("\rone\u001b[K\rtwo\u001b[K\r\u001b[Kmessage\n\rthree\u001b[K\n".replace("\n", System.lineSeparator()));
    }

    @Test
    void elsewherePlainLinesNoMoreOftenThanThePeriodAndTheLastOneAtTheEnd() {
        Terminal terminal = new Terminal(out, false);

        terminal.status("one");
        terminal.status("two");
        terminal.status("three");
        terminal.finishStatus();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(), "one", "three", ""));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r", "\u001b");
    }
}
