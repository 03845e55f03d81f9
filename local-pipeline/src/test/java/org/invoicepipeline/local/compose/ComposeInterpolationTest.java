package org.invoicepipeline.local.compose;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Compose's interpolation rules, as the compose tests apply them. */
class ComposeInterpolationTest {

    private static final ComposeInterpolation INTERPOLATION =
            new ComposeInterpolation(Map.of("SET", "value", "EMPTY", ""));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "plain                       | plain",
            "${SET}                      | value",
            "${UNSET:-fallback}          | fallback",
            "${SET:-fallback}            | value",
            "${EMPTY:-fallback}          | fallback",   // ':-' also replaces an empty value
            "${EMPTY-fallback}           | ''",          // '-' only an unset one
            "${UNSET-fallback}           | fallback",
            "${UNSET:--XX:Max=75 -XX:+E} | -XX:Max=75 -XX:+E",
            "http://${UNSET:-h}:${SET}/v | http://h:value/v",
            "$$HOME                      | $HOME",
    })
    void interpolates(String text, String expected) {
        assertThat(INTERPOLATION.apply(text)).isEqualTo(expected);
    }

    @Test
    void anUnsetVariableWithoutDefaultFails() {
        assertThatIllegalArgumentException().isThrownBy(() -> INTERPOLATION.apply("${UNSET}")).withMessageContaining("UNSET");
        assertThatIllegalArgumentException().isThrownBy(() -> INTERPOLATION.apply("${UNSET:?needed}"))
                .withMessageContaining("needed");
    }
}
