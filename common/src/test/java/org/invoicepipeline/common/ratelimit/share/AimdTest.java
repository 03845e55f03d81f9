package org.invoicepipeline.common.ratelimit.share;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** AIMD on a simulated clock: events at window offsets ("429" or "tick"), the factor after the last one. */
class AimdTest {

    private static final long WINDOW = 1_000_000_000L;
    private final Aimd aimd = Aimd.halving(0.1);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "tick@1; 1.0",
            "429@0; 0.5",
            "429@0 429@0.5; 0.55",             // second 429 within the window of the first: in flight, counted once
            "429@0 429@1; 0.3",                // a window later: halved again (0.6 / 2)
            "429@0 tick@1; 0.6",               // additive: +0.1 per window
            "429@0 tick@2.5; 0.75",
            "429@0 tick@5; 1.0",               // back to the full share after 5 windows
            "429@0 tick@50; 1.0",              // never above 1
            "429@0 429@1 429@2 429@3 429@4 429@5; 0.1125", // a 429 every window: towards 0.1, where the increase equals the decrease
            "429@0 tick@0.5 tick@1; 0.6"})     // recovery does not depend on how often it is asked
    void factorAfterEvents(String events, double expected) {
        Aimd.State state = Aimd.State.full(0);
        for (String event : events.split(" ")) {
            String[] parts = event.split("@");
            long at = Math.round(Double.parseDouble(parts[1]) * WINDOW);
            state = parts[0].equals("429") ? aimd.rateLimited(state, at, WINDOW) : aimd.recover(state, at, WINDOW);
        }
        assertThat(state.factor()).isCloseTo(expected, within(1e-9));
    }
}
