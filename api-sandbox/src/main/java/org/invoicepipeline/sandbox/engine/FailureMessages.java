package org.invoicepipeline.sandbox.engine;

/** The plain-words message of each failure code: what happened and what to do next. */
final class FailureMessages {

    private FailureMessages() {
    }

    static String of(ExtractionFailureCode code) {
        return switch (code) {
            case INSUFFICIENT_CREDITS -> "Not enough credits for this extraction; details shows the credits required and "
                    + "your balance. Submit fewer pages, or buy credits, then submit again with a new submission_id.";
            case FILE_PAGE_LIMIT_EXCEEDED -> "A PDF has more than 5,000 pages; details.file_names names it. Split it "
                    + "and submit again with a new submission_id.";
            case ENCRYPTED_FILE -> "A file is password protected; details.file_names names it. Remove the password "
                    + "and submit again with a new submission_id.";
            case CONCURRENT_TASK_LIMIT -> "As many extractions are running as the account allows. Wait for one to "
                    + "finish, then submit again with a new submission_id.";
            case NO_PAGES_FOUND -> "No pages were found in the files. Check the files and submit again.";
            case VALIDATION_FAILED -> "The extraction could not be validated. Check the request and submit again.";
            case PROMPT_REJECTED -> "The prompt was rejected. Change it and submit again with a new submission_id.";
            case PROMPT_UNCLEAR -> "The prompt is unclear. Name the fields to extract and submit again.";
            case FILE_SIZE_LIMIT_EXCEEDED -> "A file exceeds the size limit. Split it and submit again.";
            case PROCESSING_FILE_SIZE_LIMIT_EXCEEDED -> "Part of a PDF became too large for our file-processing limit. "
                    + "Split the PDF into smaller page chunks and resubmit.";
            case SUBMISSION_STALLED -> "The submission stalled before processing started. Submit again with a new "
                    + "submission_id.";
            case INTERNAL_ERROR -> "An internal error stopped the extraction. Submit again with a new submission_id.";
        };
    }
}
