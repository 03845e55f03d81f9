package org.invoicepipeline.client.model;

import java.util.List;

/** Why some pages failed, and which. */
public record PageFailureReason(String code, String message, List<AffectedPages> affectedPages) {
}
