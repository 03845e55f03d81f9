package org.invoicepipeline.sandbox.upload;

/** The documented size limits of an upload session. */
public final class UploadLimits {

    /** The part size every file is split into (8 MiB), unless the sandbox is configured otherwise. */
    public static final long DOCUMENTED_PART_SIZE = 8_388_608L;
    public static final long MAX_PDF_BYTES = 157_286_400L;
    public static final long MAX_IMAGE_BYTES = 5_242_880L;
    public static final long MAX_SESSION_BYTES = 2_147_483_648L;
    public static final int MAX_FILES_PER_SESSION = 6_000;
    public static final int MAX_PART_NUMBER = 10_000;
    public static final int MAX_PART_NUMBERS_PER_REQUEST = 1_000;

    private UploadLimits() {
    }
}
