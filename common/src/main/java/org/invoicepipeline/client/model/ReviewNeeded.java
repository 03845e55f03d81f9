package org.invoicepipeline.client.model;

import java.util.List;

/** Rows that need a human's check; check {@code count} first. */
public record ReviewNeeded(int count, List<ReviewNeededItem> items) {
}
