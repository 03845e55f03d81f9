package org.invoicepipeline.client.model;

/** Who submitted an extraction (present under the team scope). */
public record SubmittedBy(String email) {
}
