package org.invoicepipeline.common.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.events.RetryGenerations;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.sandbox.account.AccountCounters;

/**
 * The pipeline's promise, checked after a run: every registered file has exactly one terminal result id
 * ({@code EXTRACTED}, {@code FAILED}, {@code CANCELLED} or {@code DEAD_LETTERED}; replays of that id agree), no
 * result names a file that was not registered, each file has the status (and code) the test expects, a
 * {@code DEAD_LETTERED} file has a dead letter naming it with the same code, and the sandbox's counters show one
 * extraction per submission id and every page charged once.
 *
 * <pre>{@code
 * ResultInvariant.Summary summary = ResultInvariant.forRegisteredFiles(fileIds)
 *         .resultRecords(TopicSnapshot.read(bootstrap, List.of("extraction-results"), timeout))
 *         .deadLetters(DeadLetter.of(TopicSnapshot.read(bootstrap, dltTopics, timeout)))
 *         .expectAll(ResultStatus.EXTRACTED)
 *         .expect(badFileId, "CORRUPT_FILE", ResultStatus.DEAD_LETTERED)
 *         .sandboxCounters(sandbox.control().counters(key), pagesOfExtractedFiles)
 *         .check();   // AssertionError listing every offending file
 * }</pre>
 */
public final class ResultInvariant {

    /** The statuses that end a file. */
    public static final Set<ResultStatus> TERMINAL = EnumSet.of(ResultStatus.EXTRACTED, ResultStatus.FAILED,
            ResultStatus.CANCELLED, ResultStatus.DEAD_LETTERED);

    /** Offending files listed per problem before the message is cut short. */
    private static final int LISTED_PER_PROBLEM = 25;

    /** What one file is expected to end in: one of {@code statuses}, with {@code code} unless null. */
    private record Expectation(Set<ResultStatus> statuses, String code) {

        boolean matches(ExtractionResult result) {
            return statuses.contains(result.getStatus())
                    && (code == null || (result.getError() != null && code.equals(result.getError().getCode())));
        }

        @Override
        public String toString() {
            return statuses.stream().map(Enum::name).collect(Collectors.joining("|")) + (code == null ? "" : " " + code);
        }
    }

    /**
     * How the run ended, for printing and further assertions.
     *
     * @param files             registered files checked
     * @param byStatus          files per final status
     * @param resultRecords     result records of registered files read (replays included)
     * @param replays           result records repeating an id already seen (harmless: consumers de-duplicate)
     * @param deadLettersByCode dead letters naming registered files, per code (null when none were given)
     * @param extractions       extractions the sandbox created (null without counters)
     * @param pagesCharged      pages the sandbox charged (null without counters)
     */
    public record Summary(int files, Map<ResultStatus, Integer> byStatus, int resultRecords, int replays,
                          Map<String, Integer> deadLettersByCode, Long extractions, Long pagesCharged) {

        public int count(ResultStatus status) {
            return byStatus.getOrDefault(status, 0);
        }

        @Override
        public String toString() {
            return files + " files " + byStatus + ", " + resultRecords + " result records (" + replays + " replays)"
                    + (deadLettersByCode == null ? "" : ", dead letters " + deadLettersByCode)
                    + (extractions == null ? "" : ", extractions " + extractions + ", pages charged " + pagesCharged);
        }
    }

    private final Set<String> registered;
    private final List<ExtractionResult> results = new ArrayList<>();
    private List<DeadLetter> deadLetters;
    private final Map<String, Expectation> expectations = new HashMap<>();
    private Expectation defaultExpectation;
    private AccountCounters counters;
    private Long expectedPagesCharged;
    private boolean oneExtractionPerUploadSession;
    private boolean allowingRetries;

    private ResultInvariant(Collection<String> registered) {
        this.registered = new LinkedHashSet<>(registered);
        if (this.registered.size() != registered.size()) {
            throw new IllegalArgumentException("The registered file ids repeat an id: " + registered);
        }
    }

    /** The files the run registered (distinct ids); each must end in exactly one terminal result. */
    public static ResultInvariant forRegisteredFiles(Collection<String> fileIds) {
        return new ResultInvariant(fileIds);
    }

    /** Every result read from {@code extraction-results} (replays included, other files' results included). */
    public ResultInvariant results(Collection<ExtractionResult> all) {
        results.addAll(all);
        return this;
    }

    /** As {@link #results}, decoding raw records of {@code extraction-results}; an undecodable one fails. */
    public ResultInvariant resultRecords(Collection<? extends ConsumerRecord<?, byte[]>> records) {
        try (EventDeserializer<ExtractionResult> decoder = new EventDeserializer<>(ExtractionResult.class)) {
            decoder.configure(Map.of(), false);
            for (ConsumerRecord<?, byte[]> record : records) {
                try {
                    results.add(decoder.deserialize(record.topic(), record.value()));
                }
                catch (RuntimeException e) {
                    throw new AssertionError("A record of " + record.topic() + " at offset " + record.offset()
                            + " (partition " + record.partition() + ") is not an ExtractionResult: " + e, e);
                }
            }
        }
        return this;
    }

    /** The records of every {@code .DLT}; given, each DEAD_LETTERED file must have one naming it with its code. */
    public ResultInvariant deadLetters(Collection<DeadLetter> all) {
        deadLetters = new ArrayList<>(all);
        return this;
    }

    /** Files without an expectation of their own must end in one of {@code statuses}. */
    public ResultInvariant expectAll(ResultStatus... statuses) {
        defaultExpectation = new Expectation(EnumSet.copyOf(List.of(statuses)), null);
        return this;
    }

    /** {@code fileId} must end in one of {@code statuses}. */
    public ResultInvariant expect(String fileId, ResultStatus... statuses) {
        return expect(fileId, null, statuses);
    }

    /** {@code fileId} must end in one of {@code statuses} with error code {@code code} (null: any code). */
    public ResultInvariant expect(String fileId, String code, ResultStatus... statuses) {
        if (!registered.contains(fileId)) {
            throw new IllegalArgumentException("An expectation for a file not registered: " + fileId);
        }
        expectations.put(fileId, new Expectation(EnumSet.copyOf(List.of(statuses)), code));
        return this;
    }

    /**
     * The sandbox account's counters: every submission id created one extraction, and exactly
     * {@code expectedPagesCharged} pages were charged (each page of each extracted file once).
     */
    public ResultInvariant sandboxCounters(AccountCounters accountCounters, long expectedPagesCharged) {
        this.counters = accountCounters;
        this.expectedPagesCharged = expectedPagesCharged;
        return this;
    }

    /** Also: the sandbox created as many extractions as upload sessions (no file was resubmitted on its own). */
    public ResultInvariant oneExtractionPerUploadSession() {
        this.oneExtractionPerUploadSession = true;
        return this;
    }

    /**
     * Also: files replayed by the operator ({@code retry_generation} > 0). Each file's current outcome is its
     * result of the highest generation, which must be exactly one result id as usual; every earlier generation must
     * have ended in a result a replay may supersede ({@code DEAD_LETTERED} or {@code FAILED},
     * {@link RetryGenerations#replayable}).
     */
    public ResultInvariant allowingRetries() {
        this.allowingRetries = true;
        return this;
    }

    /** Checks everything; fails with one message naming every offending file, per problem. */
    public Summary check() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<ExtractionResult> results = allowingRetries ? currentGenerations(problems) : this.results;
        Map<String, Map<String, List<ExtractionResult>>> byFile = new LinkedHashMap<>();
        registered.forEach(id -> byFile.put(id, new LinkedHashMap<>()));
        int resultRecords = 0;
        int replays = 0;
        for (ExtractionResult result : results) {
            Map<String, List<ExtractionResult>> mine = byFile.get(result.getFileId());
            if (mine == null) {
                problem(problems, "results for files never registered",
                        result.getFileId() + " (" + result.getResultId() + ", " + result.getStatus() + ")");
                continue;
            }
            resultRecords++;
            List<ExtractionResult> copies = mine.computeIfAbsent(result.getResultId(), id -> new ArrayList<>());
            replays += copies.isEmpty() ? 0 : 1;
            copies.add(result);
        }

        Map<ResultStatus, Integer> byStatus = new EnumMap<>(ResultStatus.class);
        Map<String, Integer> deadLettersByCode = deadLetters == null ? null : new TreeMap<>();
        byFile.forEach((fileId, resultsById) -> {
            List<DeadLetter> naming = deadLetters == null ? List.of()
                    : deadLetters.stream().filter(d -> d.names(fileId)).toList();
            naming.forEach(d -> deadLettersByCode.merge(String.valueOf(d.code()), 1, Integer::sum));
            if (resultsById.isEmpty()) {
                problem(problems, "registered files without a result", fileId + (naming.isEmpty() ? ""
                        : " (dead letters naming it: " + describe(naming) + ")"));
                return;
            }
            if (resultsById.size() > 1) {
                problem(problems, "files with more than one result id", fileId + " " + describe(resultsById));
            }
            resultsById.forEach((resultId, copies) -> {
                Set<String> shapes = copies.stream().map(ResultInvariant::shape).collect(Collectors.toSet());
                if (shapes.size() > 1) {
                    problem(problems, "replays of one result id that disagree", fileId + " " + resultId + " " + shapes);
                }
            });
            ExtractionResult result = resultsById.values().iterator().next().get(0);
            byStatus.merge(result.getStatus(), 1, Integer::sum);
            if (!TERMINAL.contains(result.getStatus())) {
                problem(problems, "results not in a terminal status", fileId + " " + shape(result));
            }
            Expectation expected = expectations.getOrDefault(fileId, defaultExpectation);
            if (expected != null && resultsById.size() == 1 && !expected.matches(result)) {
                problem(problems, "files not ending as expected",
                        fileId + ": expected " + expected + ", got " + shape(result) + messageOf(result));
            }
            if (deadLetters != null && result.getStatus() == ResultStatus.DEAD_LETTERED) {
                String code = result.getError() == null ? null : result.getError().getCode();
                if (naming.stream().noneMatch(d -> d.code() != null && d.code().equals(code))) {
                    problem(problems, "DEAD_LETTERED files without a dead letter naming them with their code",
                            fileId + " (result code " + code + "; dead letters naming it: " + describe(naming) + ")");
                }
            }
        });

        Long extractions = null;
        Long pages = null;
        if (counters != null) {
            extractions = counters.extractionsCreated();
            pages = counters.pagesCharged();
            counters.extractionsBySubmissionId().forEach((submissionId, count) -> {
                if (count != 1L) {
                    problem(problems, "submission ids with more than one extraction", submissionId + " x" + count);
                }
            });
            if (counters.pagesCharged() != expectedPagesCharged) {
                problem(problems, "pages charged", counters.pagesCharged() + " charged, expected "
                        + expectedPagesCharged + " (each page of each extracted file once)");
            }
            if (oneExtractionPerUploadSession && counters.extractionsCreated() != counters.sessionsCreated()) {
                problem(problems, "extractions per upload session", counters.extractionsCreated()
                        + " extractions for " + counters.sessionsCreated() + " upload sessions");
            }
        }
        Summary summary = new Summary(registered.size(), byStatus, resultRecords, replays, deadLettersByCode,
                extractions, pages);
        if (!problems.isEmpty()) {
            throw new AssertionError(report(problems, summary));
        }
        return summary;
    }

    /** The results of each file's highest generation; earlier generations must have ended replayable. */
    private List<ExtractionResult> currentGenerations(Map<String, List<String>> problems) {
        Map<String, Integer> highest = new HashMap<>();
        results.forEach(r -> highest.merge(r.getFileId(), r.getRetryGeneration(), Math::max));
        List<ExtractionResult> current = new ArrayList<>();
        for (ExtractionResult result : results) {
            if (result.getRetryGeneration() == highest.get(result.getFileId())) {
                current.add(result);
            }
            else if (!RetryGenerations.replayable(result.getStatus())) {
                problem(problems, "superseded generations not ended DEAD_LETTERED or FAILED", result.getFileId()
                        + " generation " + result.getRetryGeneration() + " " + shape(result));
            }
        }
        return current;
    }

    private static void problem(Map<String, List<String>> problems, String kind, String detail) {
        problems.computeIfAbsent(kind, k -> new ArrayList<>()).add(detail);
    }

    private static String shape(ExtractionResult result) {
        return result.getStatus() + (result.getError() == null ? "" : " " + result.getError().getCode());
    }

    private static String messageOf(ExtractionResult result) {
        return result.getError() == null ? "" : " (\"" + result.getError().getMessage() + "\")";
    }

    private static String describe(Map<String, List<ExtractionResult>> resultsById) {
        return resultsById.entrySet().stream()
                .map(e -> e.getKey() + "=" + shape(e.getValue().get(0)))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(List<DeadLetter> deadLetters) {
        return deadLetters.stream().map(d -> d.topic() + " " + d.code()).toList().toString();
    }

    private static String report(Map<String, List<String>> problems, Summary summary) {
        StringBuilder text = new StringBuilder("Every registered file must end in exactly one terminal result; ")
                .append(summary).append('\n');
        problems.forEach((kind, details) -> {
            text.append("  ").append(kind).append(" (").append(details.size()).append("):\n");
            details.stream().limit(LISTED_PER_PROBLEM).forEach(d -> text.append("    ").append(d).append('\n'));
            if (details.size() > LISTED_PER_PROBLEM) {
                text.append("    ... and ").append(details.size() - LISTED_PER_PROBLEM).append(" more\n");
            }
        });
        return text.toString();
    }
}
