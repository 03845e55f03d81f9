package org.invoicepipeline.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FileIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "inv-2026-0001.pdf", "erp:42:DOC_77", "A.b_c:d-e"})
    void acceptsTheDocumentedCharacters(String fileId) {
        assertThat(FileIds.isValid(fileId)).isTrue();
        assertThat(FileIds.problem(fileId)).isEmpty();
        assertThat(FileIds.requireValid(fileId)).isEqualTo(fileId);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"with space", "slash/inside", "ümlaut", "semi;colon", "new\nline"})
    void rejectsAnythingElse(String fileId) {
        assertThat(FileIds.isValid(fileId)).isFalse();
        assertThat(FileIds.problem(fileId)).isPresent();
        assertThatIllegalArgumentException().isThrownBy(() -> FileIds.requireValid(fileId));
    }

    @org.junit.jupiter.api.Test
    void allowsAtMost200Characters() {
        assertThat(FileIds.isValid("x".repeat(200))).isTrue();
        assertThat(FileIds.isValid("x".repeat(201))).isFalse();
        assertThat(FileIds.problem("x".repeat(201))).hasValueSatisfying(problem ->
                assertThat(problem).contains("201").doesNotContain("xxxx"));
    }
}
