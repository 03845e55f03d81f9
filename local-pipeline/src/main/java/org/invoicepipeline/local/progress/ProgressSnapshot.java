package org.invoicepipeline.local.progress;

import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.monitor.FileProgress;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the run's files are, for the progress display: files per stage, pages processed of the total and an
 * estimate of the time left.
 *
 * @param files       files registered
 * @param byStage     files per stage they wait in (DONE: result or dead letter)
 * @param extracted   files that ended EXTRACTED
 * @param pagesDone   pages processed: every page of the files whose extraction ended, plus the API's
 *                    {@code progress} share of the pages of each extraction in flight
 * @param pagesTotal  pages of the files that are (or were) extracted: files rejected before an extraction don't count
 * @param elapsed     since the files were registered
 */
public record ProgressSnapshot(int files, Map<FileProgress.Stage, Integer> byStage, int extracted, int pagesDone,
                               int pagesTotal, Duration elapsed) {

    /**
     * @param files       where the monitor saw each file
     * @param pages       pages per file id ({@link PageCounts})
     * @param percentages the API's progress per extraction id in flight
     */
    public static ProgressSnapshot of(List<FileProgress> files, Map<String, Integer> pages,
                                      Map<String, Integer> percentages, Duration elapsed) {
        Map<FileProgress.Stage, Integer> byStage = new EnumMap<>(FileProgress.Stage.class);
        for (FileProgress.Stage stage : FileProgress.Stage.values()) {
            byStage.put(stage, 0);
        }
        int extracted = 0;
        double pagesDone = 0;
        int pagesTotal = 0;
        for (FileProgress file : files) {
            FileProgress.Stage stage = file.stage();
            byStage.merge(stage, 1, Integer::sum);
            int filePages = pages.getOrDefault(file.fileId(), 0);
            boolean extractedFile = file.result() != null && file.result().getStatus() == ResultStatus.EXTRACTED;
            extracted += extractedFile ? 1 : 0;
            boolean rejectedBeforeExtraction = stage == FileProgress.Stage.DONE && file.extractionId() == null
                    && !extractedFile;
            if (rejectedBeforeExtraction) {
                continue;
            }
            pagesTotal += filePages;
            if (stage == FileProgress.Stage.DONE || stage == FileProgress.Stage.DOWNLOAD) {
                pagesDone += filePages;
            }
            else if (stage == FileProgress.Stage.EXTRACTION) {
                pagesDone += filePages * percentages.getOrDefault(file.extractionId(), 0) / 100.0;
            }
        }
        return new ProgressSnapshot(files.size(), byStage, extracted, (int) Math.floor(pagesDone), pagesTotal,
                elapsed);
    }

    public int done() {
        return byStage.getOrDefault(FileProgress.Stage.DONE, 0);
    }

    /**
     * Time left at the pace so far: by pages when the files have any, else by files; empty before anything
     * progressed (or when everything is done).
     */
    public Optional<Duration> eta() {
        double fraction = pagesTotal > 0 ? (double) pagesDone / pagesTotal : files == 0 ? 0 : (double) done() / files;
        if (fraction <= 0 || fraction >= 1 || elapsed.isZero()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) (elapsed.toMillis() * (1 - fraction) / fraction)));
    }

    /**
     * One line, e.g. {@code 0:42  15 files: upload 2, submit 0, extract 9, download 1, done 3 (2 extracted)  pages
     * 18/40  ETA 0:35}.
     */
    public String line() {
        StringBuilder line = new StringBuilder()
                .append(clock(elapsed)).append("  ").append(files).append(" files: ")
                .append("upload ").append(byStage.get(FileProgress.Stage.UPLOAD))
                .append(", submit ").append(byStage.get(FileProgress.Stage.SUBMIT))
                .append(", extract ").append(byStage.get(FileProgress.Stage.EXTRACTION))
                .append(", download ").append(byStage.get(FileProgress.Stage.DOWNLOAD))
                .append(", done ").append(done()).append(" (").append(extracted).append(" extracted)");
        if (pagesTotal > 0) {
            line.append("  pages ").append(pagesDone).append('/').append(pagesTotal);
        }
        line.append("  ETA ").append(eta().map(ProgressSnapshot::clock).orElse("--"));
        return line.toString();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    public static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
