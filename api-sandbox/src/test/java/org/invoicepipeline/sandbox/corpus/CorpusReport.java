package org.invoicepipeline.sandbox.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.invoicepipeline.samples.CorpusVariant;
import org.invoicepipeline.samples.SampleCorpus;

/**
 * Writes the corpus report: per field how often the sandbox found the printed value, got it right, and flagged
 * it for review, and that no wrong value goes unflagged; then per layout variant. Not timed. The command to run
 * it is in the api-sandbox README ("Recognition corpus and report").
 */
public final class CorpusReport {

    /** Documents of each variant in the report's corpus. */
    static final int PER_VARIANT = 6;

    private CorpusReport() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "api-sandbox/benchmarks/corpus-report.md");
        List<CorpusEvaluation.DocumentResult> results = new CorpusEvaluation()
                .evaluate(new SampleCorpus().documents(PER_VARIANT));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown(results, PER_VARIANT), StandardCharsets.UTF_8);
        System.out.println(fieldTable(CorpusEvaluation.scores(results)));
        System.out.println("Written " + out);
    }

    static String markdown(List<CorpusEvaluation.DocumentResult> results, int perVariant) {
        List<CorpusEvaluation.FieldScore> scores = CorpusEvaluation.scores(results);
        int wrongUnflagged = scores.stream().mapToInt(CorpusEvaluation.FieldScore::wrongUnflagged).sum();
        StringBuilder md = new StringBuilder();
        md.append("# Sandbox field recognition on the sample corpus\n\n");
        md.append("Written by `CorpusReport` (api-sandbox test scope; not timed). Corpus: `SampleCorpus().documents(")
                .append(perVariant).append(")` from module invoice-samples, ").append(results.size())
                .append(" PDFs, seed ").append("`SampleInvoiceGenerator.DEFAULT_SEED`").append(". Each document is read by ")
                .append("`DocumentReader` and extracted by `RowExtractor` with the sentence prompt asking for the nine ")
                .append("invoice fields (one row per invoice).\n\n");
        md.append("* **printed**: documents that print the field readably; **found**: of those, a value was filled in; ")
                .append("**right**: the value is exactly the printed one; **wrong**: a value that is not the printed one ")
                .append("(or any value where none is printed, e.g. on the meeting minutes); **flagged**: a Review Needed ")
                .append("item of the row names the field (missing, doubtful, not an invoice, image); **right but flagged**: ")
                .append("the price of doubt; **wrong unflagged**: must be 0.\n\n");
        md.append(fieldTable(scores)).append('\n');
        md.append("Wrong values left unflagged: **").append(wrongUnflagged).append("**.\n\n");
        md.append("## Per layout variant\n\n");
        md.append("| Variant | Documents | Fields right | Fields wrong | Fields flagged | Wrong unflagged | Document-level review |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Map.Entry<CorpusVariant, List<CorpusEvaluation.DocumentResult>> entry
                : CorpusEvaluation.byVariant(results).entrySet()) {
            List<CorpusEvaluation.Cell> cells = entry.getValue().stream().flatMap(r -> r.cells().stream()).toList();
            long image = entry.getValue().stream().filter(r -> r.mentions(CorpusEvaluation.IMAGE_MESSAGE)).count();
            long notInvoice = entry.getValue().stream()
                    .filter(r -> r.mentions(CorpusEvaluation.NOT_AN_INVOICE_MESSAGE)).count();
            String documentLevel = (image > 0 ? "\"image without a text layer\": " + image + " " : "")
                    + (notInvoice > 0 ? "\"does not look like an invoice\": " + notInvoice : "");
            md.append("| ").append(entry.getKey().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(entry.getValue().size()).append(" | ")
                    .append(cells.stream().filter(CorpusEvaluation.Cell::right).count()).append(" / ")
                    .append(cells.stream().filter(CorpusEvaluation.Cell::printed).count()).append(" | ")
                    .append(cells.stream().filter(CorpusEvaluation.Cell::wrong).count()).append(" | ")
                    .append(cells.stream().filter(CorpusEvaluation.Cell::flagged).count()).append(" | ")
                    .append(cells.stream().filter(c -> c.wrong() && !c.flagged()).count()).append(" | ")
                    .append(documentLevel.isEmpty() ? "–" : documentLevel.strip()).append(" |\n");
        }
        md.append("\n## Values that are wrong or flagged\n\n");
        md.append("| Document | Field | Printed | Sandbox | Flagged |\n|---|---|---|---|---|\n");
        for (CorpusEvaluation.DocumentResult result : results) {
            for (CorpusEvaluation.Cell cell : result.cells()) {
                if (cell.wrong() || (cell.flagged() && cell.found())) {
                    md.append("| ").append(result.document().fileName()).append(" | ").append(cell.field()).append(" | ")
                            .append(cell.expected() == null ? "–" : cell.expected()).append(" | ")
                            .append(cell.value()).append(" | ").append(cell.flagged() ? "yes" : "**no**").append(" |\n");
                }
            }
        }
        return md.toString();
    }

    static String fieldTable(List<CorpusEvaluation.FieldScore> scores) {
        StringBuilder md = new StringBuilder();
        md.append("| Field | Printed | Found | Right | Wrong | Flagged | Right but flagged | Wrong unflagged |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CorpusEvaluation.FieldScore score : scores) {
            md.append("| ").append(score.field()).append(" | ").append(score.printed()).append(" | ")
                    .append(score.found()).append(" | ").append(score.right()).append(" | ").append(score.wrong())
                    .append(" | ").append(score.flagged()).append(" | ").append(score.rightFlagged()).append(" | ")
                    .append(score.wrongUnflagged()).append(" |\n");
        }
        int printed = scores.stream().mapToInt(CorpusEvaluation.FieldScore::printed).sum();
        int right = scores.stream().mapToInt(CorpusEvaluation.FieldScore::right).sum();
        md.append("| **all** | ").append(printed).append(" | ")
                .append(scores.stream().mapToInt(CorpusEvaluation.FieldScore::found).sum()).append(" | ")
                .append(right).append(" | ")
                .append(scores.stream().mapToInt(CorpusEvaluation.FieldScore::wrong).sum()).append(" | ")
                .append(scores.stream().mapToInt(CorpusEvaluation.FieldScore::flagged).sum()).append(" | ")
                .append(scores.stream().mapToInt(CorpusEvaluation.FieldScore::rightFlagged).sum()).append(" | ")
                .append(scores.stream().mapToInt(CorpusEvaluation.FieldScore::wrongUnflagged).sum()).append(" |\n");
        return md.toString();
    }
}
