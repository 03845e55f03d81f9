package org.invoicepipeline.upload.validation;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.invoicepipeline.common.events.FileIds;
import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.upload.source.LocalCopy;
import org.invoicepipeline.upload.source.SourceAccessDeniedException;
import org.invoicepipeline.upload.source.SourceChangedException;
import org.invoicepipeline.upload.source.SourceObject;
import org.invoicepipeline.upload.source.SourceRef;
import org.invoicepipeline.upload.source.SourceStores;
import org.invoicepipeline.upload.source.SourceUnavailableException;

/**
 * Checks a FileRegistered before any API call, so a file the API would refuse (or that the pipeline must
 * not read) is dead-lettered with a precise code instead of failing a whole upload session later.
 * The source is resolved by its {@link org.invoicepipeline.upload.source.SourceStore} ({@code file:} inside the
 * allowed roots, {@code s3:} inside the allowed S3 locations), which gives its size and identity. Its content is
 * checked by its first and last KiB ({@link ContentCheck}, two ranged reads); a PDF is also opened (cross-reference
 * data and page tree only, {@link PdfOpening}; an object is copied to a temporary file for that) for a password
 * needed to open it and its page count. The whole source is read once, sequentially, for its SHA-256, which the
 * uploader checks against the bytes it sends. Every rejection's message starts with the file's id and name.
 */
public class FileValidator {

    private static final int MAX_FILE_NAME_LENGTH = 200;

    private final SourceStores sources;
    private final long maxPdfBytes;
    private final long maxImageBytes;
    private final Predicate<String> knownProfile;
    private final boolean checkContent;
    private final int maxPdfPages;

    /** A validator that also checks each file's content ({@link RejectionCodes#CORRUPT_FILE}). */
    public FileValidator(List<Path> allowedRoots, long maxPdfBytes, long maxImageBytes, Predicate<String> knownProfile) {
        this(allowedRoots, maxPdfBytes, maxImageBytes, knownProfile, true);
    }

    /**
     * @param checkContent whether to reject files whose bytes are not a whole document of their declared type
     */
    public FileValidator(List<Path> allowedRoots, long maxPdfBytes, long maxImageBytes, Predicate<String> knownProfile,
                         boolean checkContent) {
        this(allowedRoots, maxPdfBytes, maxImageBytes, knownProfile, checkContent, PdfOpening.API_MAX_PAGES);
    }

    /**
     * @param checkContent whether to reject files whose bytes are not a whole document of their declared type, and
     *                     to open PDFs for a password and their page count
     * @param maxPdfPages  most pages of a PDF ({@link RejectionCodes#FILE_PAGE_LIMIT_EXCEEDED} above)
     */
    public FileValidator(List<Path> allowedRoots, long maxPdfBytes, long maxImageBytes, Predicate<String> knownProfile,
                         boolean checkContent, int maxPdfPages) {
        this(SourceStores.localFiles(allowedRoots), maxPdfBytes, maxImageBytes, knownProfile, checkContent, maxPdfPages);
    }

    /**
     * @param sources where sources are read from ({@code file:} inside allowed roots, {@code s3:} when configured)
     */
    public FileValidator(SourceStores sources, long maxPdfBytes, long maxImageBytes, Predicate<String> knownProfile,
                         boolean checkContent, int maxPdfPages) {
        this.maxPdfPages = maxPdfPages;
        this.sources = sources;
        this.maxPdfBytes = maxPdfBytes;
        this.maxImageBytes = maxImageBytes;
        this.knownProfile = knownProfile;
        this.checkContent = checkContent;
    }

    /**
     * The validated file, or {@link RecordRejectedException} with a {@link RejectionCodes} code and a message that
     * starts with {@code file <file_id> '<file_name>': }.
     */
    public ValidatedFile validate(FileRegistered event) {
        try {
            return check(event);
        }
        catch (RecordRejectedException e) {
            throw new RecordRejectedException(e.code(), label(event) + ": " + e.getMessage(), e.getCause());
        }
    }

    /** How messages name a registration's file: {@code file <file_id> '<file_name>'}. */
    public static String label(FileRegistered event) {
        return "file " + event.getFileId() + " '" + event.getFileName() + "'";
    }

    private ValidatedFile check(FileRegistered event) {
        FileIds.problem(event.getFileId()).ifPresent(problem -> {
            throw new RecordRejectedException(RejectionCodes.INVALID_FILE_ID, problem);
        });
        if (!knownProfile.test(event.getProfile())) {
            throw new RecordRejectedException(RejectionCodes.UNKNOWN_PROFILE,
                    "profile '" + event.getProfile() + "' is not configured");
        }
        FileKind kind = checkName(event.getFileName());
        return checkedFile(event, sources.resolve(event.getSourceUri()), kind);
    }

    /**
     * The source's size checked against the limit of its kind before a byte is read, then, when enabled, its ends
     * and (PDF) its opening, then its SHA-256 from one sequential read.
     */
    private ValidatedFile checkedFile(FileRegistered event, SourceRef source, FileKind kind) {
        String where = source.object().location();
        long size = source.sizeBytes();
        if (size == 0) {
            throw new RecordRejectedException(RejectionCodes.EMPTY_FILE, "source is empty: " + where);
        }
        long limit = kind == FileKind.PDF ? maxPdfBytes : maxImageBytes;
        if (size > limit) {
            throw new RecordRejectedException(RejectionCodes.FILE_TOO_LARGE,
                    "file is " + size + " bytes; the limit for a " + kind + " is " + limit);
        }
        try {
            if (checkContent) {
                ContentCheck.problem(FileEnds.read(source), kind).ifPresent(problem -> {
                    throw new RecordRejectedException(RejectionCodes.CORRUPT_FILE, problem);
                });
                if (kind == FileKind.PDF) {
                    try (LocalCopy copy = source.localCopy()) {
                        PdfOpening.check(copy.path(), maxPdfPages);
                        return validated(event, source, copy.sha256() != null ? copy.sha256()
                                : FileDigests.sha256Hex(copy.path()));
                    }
                }
            }
            return validated(event, source, FileDigests.sha256Hex(source));
        }
        catch (SourceAccessDeniedException e) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_ACCESS_DENIED, e.getMessage());
        }
        catch (SourceChangedException e) {
            throw new SourceUnavailableException("source changed while it was validated (" + e.getMessage()
                    + "); validated again", e);
        }
        catch (NoSuchFileException e) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_UNREADABLE, "source vanished: " + where);
        }
        catch (IOException e) {
            if (isLocal(source.object())) {
                throw new RecordRejectedException(RejectionCodes.SOURCE_UNREADABLE, "source cannot be read: " + where);
            }
            throw new SourceUnavailableException("source " + where + " could not be read (" + e.getMessage()
                    + "); validated again", e);
        }
    }

    private static boolean isLocal(SourceObject object) {
        return object.uri().regionMatches(true, 0, "file:", 0, 5);
    }

    private static ValidatedFile validated(FileRegistered event, SourceRef source, String sha256) {
        SourceObject object = source.object();
        Path localPath = isLocal(object) ? Path.of(object.location()) : null;
        return new ValidatedFile(event, localPath, object.sizeBytes(), sha256, object);
    }

    private static FileKind checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_FILE_NAME_LENGTH || !name.strip().equals(name)
                || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
            throw new RecordRejectedException(RejectionCodes.INVALID_FILE_NAME,
                    "file_name must be 1-200 characters without slashes, control characters or surrounding spaces");
        }
        // the API's rule (createUploadSession): a supported extension after a non-empty base name
        if (name.lastIndexOf('.') == 0) {
            throw new RecordRejectedException(RejectionCodes.INVALID_FILE_NAME,
                    "file_name needs a name before its extension; the API refuses a name that is only an extension");
        }
        return FileKind.of(name).orElseThrow(() -> new RecordRejectedException(RejectionCodes.UNSUPPORTED_FILE_TYPE,
                "file_name must end in .pdf, .jpg, .jpeg or .png"));
    }
}
