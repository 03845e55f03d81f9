package org.invoicepipeline.client.model;

import java.util.List;

/** Which pages were processed and which failed; data from failed pages is missing from the output. */
public record Pages(int successfulCount, int failedCount, List<PageReference> successful, List<PageReference> failed,
                    List<PageFailureReason> failureReasons) {
}
