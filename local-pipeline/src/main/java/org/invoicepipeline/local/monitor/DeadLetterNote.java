package org.invoicepipeline.local.monitor;

/**
 * What a dead letter naming a file said, from its headers.
 *
 * @param code    {@code x-error-code}
 * @param message {@code x-error-message}
 * @param stage   {@code x-pipeline-stage}
 * @param topic   the dead-letter topic
 */
public record DeadLetterNote(String code, String message, String stage, String topic) {
}
