package org.invoicepipeline.common.profile;

/** An event names a profile that is not configured; stages dead-letter such records with {@link #CODE}. */
public class UnknownProfileException extends IllegalArgumentException {

    /** The pipeline error code of a record naming an unknown profile. */
    public static final String CODE = "UNKNOWN_PROFILE";

    public UnknownProfileException(String profile) {
        super("No extraction profile named '" + profile + "' is configured (pipeline.profiles." + profile + ".*)");
    }
}
