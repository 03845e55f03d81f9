package org.invoicepipeline.upload.validation;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.invoicepipeline.common.events.FileIds;
import org.invoicepipeline.common.kafka.RecordRejectedException;
import org.invoicepipeline.events.FileRegistered;

/**
 * Checks a FileRegistered before any API call, so a file the API would refuse (or that the pipeline must
 * not read) is dead-lettered with a precise code instead of failing a whole upload session later.
 * A {@code file:} source must stay inside an allowed root both as written (no {@code ..} escape) and after
 * following links (no symlink escape). Its content is checked by its first and last KiB
 * ({@link ContentCheck}); a PDF is also opened (cross-reference data and page tree only, {@link PdfOpening}) for a
 * password needed to open it and its page count. The whole file is read once, sequentially, for its SHA-256, which
 * the uploader checks against the bytes it sends. Every rejection's message starts with the file's id and name.
 */
public class FileValidator {

    private static final int MAX_FILE_NAME_LENGTH = 200;

    private final List<Path> allowedRoots;
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
        this.maxPdfPages = maxPdfPages;
        this.allowedRoots = realRoots(allowedRoots);
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
        Path path = resolveSource(event.getSourceUri());
        return checkedFile(event, path, kind);
    }

    /** The file's size and digest, checked against the limit of its kind and, when enabled, its content: one open. */
    private ValidatedFile checkedFile(FileRegistered event, Path path, FileKind kind) {
        if (!Files.isRegularFile(path)) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_UNREADABLE, "source is not a regular file: " + path);
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new RecordRejectedException(RejectionCodes.EMPTY_FILE, "source is empty: " + path);
            }
            long limit = kind == FileKind.PDF ? maxPdfBytes : maxImageBytes;
            if (size > limit) {
                throw new RecordRejectedException(RejectionCodes.FILE_TOO_LARGE,
                        "file is " + size + " bytes; the limit for a " + kind + " is " + limit);
            }
            if (checkContent) {
                ContentCheck.problem(FileEnds.read(channel, size), kind).ifPresent(problem -> {
                    throw new RecordRejectedException(RejectionCodes.CORRUPT_FILE, problem);
                });
                if (kind == FileKind.PDF) {
                    PdfOpening.check(path, maxPdfPages);
                }
            }
            return new ValidatedFile(event, path, size, FileDigests.sha256Hex(channel, size));
        }
        catch (IOException e) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_UNREADABLE, "source cannot be read: " + path);
        }
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

    /**
     * The path a {@code file:} URI names. Characters outside ASCII may be written raw (an IRI, as people type them):
     * they are percent-encoded as UTF-8 first, which is what they mean; anything else RFC 3986 does not allow
     * (spaces, {@code %} not followed by two hex digits...) is {@link RejectionCodes#INVALID_SOURCE_URI}.
     */
    private Path resolveSource(String sourceUri) {
        URI uri;
        try {
            uri = new URI(sourceUri);
        }
        catch (URISyntaxException e) {
            throw new RecordRejectedException(RejectionCodes.INVALID_SOURCE_URI, "source_uri is not a URI (" + e.getReason()
                    + " at index " + e.getIndex() + "); characters such as spaces must be percent-encoded");
        }
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_NOT_ALLOWED,
                    "only file: sources are supported, got scheme " + uri.getScheme());
        }
        Path written;
        try {
            written = Path.of(URI.create(uri.toASCIIString())).normalize();
        }
        catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new RecordRejectedException(RejectionCodes.INVALID_SOURCE_URI,
                    "source_uri does not name a local file (" + e.getMessage() + "); write file:///absolute/path");
        }
        if (!insideRoots(written)) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_NOT_ALLOWED,
                    "source is outside the allowed roots: " + written);
        }
        Path real;
        try {
            real = written.toRealPath();
        }
        catch (NoSuchFileException e) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_UNREADABLE, "source does not exist: " + written);
        }
        catch (IOException e) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_UNREADABLE, "source cannot be resolved: " + written);
        }
        if (!insideRoots(real)) {
            throw new RecordRejectedException(RejectionCodes.SOURCE_NOT_ALLOWED,
                    "source links outside the allowed roots: " + written);
        }
        return real;
    }

    private boolean insideRoots(Path path) {
        return allowedRoots.stream().anyMatch(path::startsWith);
    }

    private static List<Path> realRoots(List<Path> roots) {
        List<Path> result = new ArrayList<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            result.add(absolute);
            try {
                Path real = absolute.toRealPath();
                if (!real.equals(absolute)) {
                    result.add(real);
                }
            }
            catch (IOException e) {
                // a root that does not exist yet admits nothing until it does; keep its written form
            }
        }
        return List.copyOf(result);
    }
}
