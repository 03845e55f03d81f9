package org.invoicepipeline.poll.failure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.client.model.ApiError;
import org.invoicepipeline.events.FileRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FailedExtractionPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<FileRef> FILES = List.of(file("a.pdf"), file("b.pdf"), file("c.pdf"));
    private static final int MAX_ATTEMPTS = 3;
    private static final Set<String> RESUBMITTABLE = Set.of("CONCURRENT_TASK_LIMIT", "SUBMISSION_STALLED", "INTERNAL_ERROR");

    /**
     * code | retryable | details.file_names ('-' none, '|'-separated) | attempt | decision | files failed | files resubmitted
     */
    @ParameterizedTest(name = "{0} retryable={1} file_names={2} attempt {3} -> {4}")
    @CsvSource(delimiter = ';', value = {
            // one bad file: it fails, the others go again at once
            "ENCRYPTED_FILE;            false; b.pdf;        1; RESUBMIT_WITHOUT; b.pdf;       a.pdf|c.pdf",
            "FILE_PAGE_LIMIT_EXCEEDED;  false; a.pdf|c.pdf;  1; RESUBMIT_WITHOUT; a.pdf|c.pdf; b.pdf",
            // attempts do not limit it: every step drops a file
            "ENCRYPTED_FILE;            false; c.pdf;        3; RESUBMIT_WITHOUT; c.pdf;       a.pdf|b.pdf",
            // every file named: all fail, nothing to resubmit
            "ENCRYPTED_FILE;            false; a.pdf|b.pdf|c.pdf; 1; FAIL_ALL;    a.pdf|b.pdf|c.pdf; -",
            // names that are none of ours cannot single a file out
            "ENCRYPTED_FILE;            false; other.pdf;    1; FAIL_ALL;         a.pdf|b.pdf|c.pdf; -",
            "ENCRYPTED_FILE;            false; -;            1; FAIL_ALL;         a.pdf|b.pdf|c.pdf; -",
            // an account state, never a file failure, whatever the attempt
            "INSUFFICIENT_CREDITS;      false; -;            1; HOLD_FOR_CREDITS; -;           a.pdf|b.pdf|c.pdf",
            "INSUFFICIENT_CREDITS;      false; -;            3; HOLD_FOR_CREDITS; -;           a.pdf|b.pdf|c.pdf",
            // retryable: the same files again, until the attempts run out
            "CONCURRENT_TASK_LIMIT;     true;  -;            1; RESUBMIT_SAME;    -;           a.pdf|b.pdf|c.pdf",
            "SUBMISSION_STALLED;        false; -;            2; RESUBMIT_SAME;    -;           a.pdf|b.pdf|c.pdf",
            "INTERNAL_ERROR;            false; -;            2; RESUBMIT_SAME;    -;           a.pdf|b.pdf|c.pdf",
            "SOME_NEW_TRANSIENT_CODE;   true;  -;            2; RESUBMIT_SAME;    -;           a.pdf|b.pdf|c.pdf",
            "INTERNAL_ERROR;            true;  -;            3; ATTEMPTS_EXHAUSTED; a.pdf|b.pdf|c.pdf; -",
            // anything else needs a change first
            "NO_PAGES_FOUND;            false; -;            1; FAIL_ALL;         a.pdf|b.pdf|c.pdf; -",
            "PROMPT_REJECTED;           false; -;            1; FAIL_ALL;         a.pdf|b.pdf|c.pdf; -",
    })
    void decidesWhatAFailedExtractionLeadsTo(String code, boolean retryable, String fileNames, int attempt,
                                             String expected, String failed, String resubmitted) throws Exception {
        JsonNode details = fileNames.equals("-") ? JSON.readTree("{}")
                : JSON.valueToTree(java.util.Map.of("file_names", names(fileNames)));
        ApiError error = new ApiError(code, "failed", retryable, details);

        FailedExtractionDecision decision = FailedExtractionPolicy.decide(error, FILES, attempt, MAX_ATTEMPTS, RESUBMITTABLE);

        assertThat(decision.kind().name()).isEqualTo(expected);
        assertThat(decision.failing()).extracting(FileRef::getFileName).containsExactlyElementsOf(names(failed));
        assertThat(decision.resubmitted()).extracting(FileRef::getFileName).containsExactlyElementsOf(names(resubmitted));
    }

    @ParameterizedTest
    @CsvSource({"1", "3"})
    void aFailureWithoutAnErrorObjectFailsEveryFile(int attempt) {
        FailedExtractionDecision decision = FailedExtractionPolicy.decide(null, FILES, attempt, MAX_ATTEMPTS, RESUBMITTABLE);
        assertThat(decision.kind()).isEqualTo(FailedExtractionDecision.Kind.FAIL_ALL);
        assertThat(decision.failing()).isEqualTo(FILES);
    }

    private static List<String> names(String list) {
        return list.equals("-") ? List.of() : Arrays.asList(list.split("\\|"));
    }

    private static FileRef file(String name) {
        return FileRef.newBuilder().setFileId("reg-" + name).setApiFileId("api-" + name).setFileName(name)
                .setOriginalFileName(name).setSourceUri("file:///in/" + name).setSizeBytes(10)
                .setRegisteredAt(Instant.EPOCH).build();
    }
}
