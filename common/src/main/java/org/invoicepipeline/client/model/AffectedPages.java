package org.invoicepipeline.client.model;

import java.util.List;

/** The pages of one file a failure reason applies to. */
public record AffectedPages(String fileName, List<Integer> pages) {
}
