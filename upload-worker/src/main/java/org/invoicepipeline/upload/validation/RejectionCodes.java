package org.invoicepipeline.upload.validation;

/**
 * Pipeline codes of files the upload stage gives up on: registrations it rejects before calling the API, and
 * {@link #SOURCE_CHANGED} / {@link #SOURCE_UNREADABLE} for files that fail while they are uploaded.
 */
public final class RejectionCodes {

    /** file_id is not 1-200 characters of A-Z a-z 0-9 . _ : - */
    public static final String INVALID_FILE_ID = "INVALID_FILE_ID";
    /** file_name is empty, too long, has slashes, control characters or surrounding whitespace. */
    public static final String INVALID_FILE_NAME = "INVALID_FILE_NAME";
    /** file_name does not end in .pdf, .jpg, .jpeg or .png. */
    public static final String UNSUPPORTED_FILE_TYPE = "UNSUPPORTED_FILE_TYPE";
    /** Over the size limit of its type (PDF 150 MB, image 5 MB by default). */
    public static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    /** The source has no bytes. */
    public static final String EMPTY_FILE = "EMPTY_FILE";
    /** The source is not a file: URI inside the allowed roots, nor an s3: URI inside the allowed S3 locations. */
    public static final String SOURCE_NOT_ALLOWED = "SOURCE_NOT_ALLOWED";
    /**
     * The bytes are not a whole document of the type the name declares: no PDF header or {@code %%EOF} near the
     * end (truncated), no PNG/JPEG start or end marker, or another type's content (a PNG named .pdf).
     */
    public static final String CORRUPT_FILE = "CORRUPT_FILE";
    /** The source does not exist, is not a regular file or cannot be read. */
    public static final String SOURCE_UNREADABLE = "SOURCE_UNREADABLE";
    /**
     * The object store refused the worker's credentials for the source (S3 403 AccessDenied): fix the bucket policy
     * or the worker's role and register the file again; never retried.
     */
    public static final String SOURCE_ACCESS_DENIED = "SOURCE_ACCESS_DENIED";
    /** The profile named is not configured. */
    public static final String UNKNOWN_PROFILE = "UNKNOWN_PROFILE";

    /** The source_uri is not a URI, or not one that names a local file or an S3 object (the message says what). */
    public static final String INVALID_SOURCE_URI = "INVALID_SOURCE_URI";
    /** A PDF that needs a password to open (a user password); the API's extraction failure code. */
    public static final String ENCRYPTED_FILE = "ENCRYPTED_FILE";
    /** A PDF with more pages than the API accepts (5,000); the API's extraction failure code. */
    public static final String FILE_PAGE_LIMIT_EXCEEDED = "FILE_PAGE_LIMIT_EXCEEDED";
    /**
     * The registration's own plan entry (mostly its {@code attributes}, kept twice: decoded and as the original
     * record) cannot fit in one plan of {@code planner.max-plan-size}.
     */
    public static final String ATTRIBUTES_TOO_LARGE = "ATTRIBUTES_TOO_LARGE";

    /** After planning: the source's size or bytes differ from those validated (appended to, truncated, rewritten). */
    public static final String SOURCE_CHANGED = "SOURCE_CHANGED";

    private RejectionCodes() {
    }
}
