package org.invoicepipeline.sandbox.engine;

import java.util.List;

/**
 * The result of submitExtraction: the extraction (new or the existing one for a repeated request),
 * or the differing fields of a conflicting reuse of its submission_id.
 */
public record SubmitOutcome(Extraction extraction, boolean created, List<String> differingFields) {

    public boolean conflict() {
        return !differingFields.isEmpty();
    }
}
