package org.invoicepipeline.sandbox.upload;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.invoicepipeline.sandbox.account.Account;
import org.invoicepipeline.sandbox.account.CreditsSnapshot;
import org.invoicepipeline.sandbox.http.ApiException;
import org.invoicepipeline.sandbox.http.Details;
import org.invoicepipeline.sandbox.http.ErrorCode;
import org.invoicepipeline.sandbox.http.Json;
import org.invoicepipeline.sandbox.storage.SignedUrls;
import org.invoicepipeline.sandbox.time.SandboxClock;

/**
 * Upload sessions: registering files, issuing signed part URLs, receiving parts and completing
 * files, with the contract's idempotency and checks.
 */
public final class UploadService {

    /** The path prefix of the sandbox's own part-upload URLs. */
    public static final String PART_PATH_PREFIX = "/_storage/uploads/";

    private final Map<String, Map<String, UploadSession>> sessionsByAccount = new ConcurrentHashMap<>();
    private final SignedUrls signedUrls;
    private final SandboxClock clock;
    private final long partSize;
    private final Duration partUrlTtl;

    public UploadService(SignedUrls signedUrls, SandboxClock clock, long partSize, Duration partUrlTtl) {
        this.signedUrls = signedUrls;
        this.clock = clock;
        this.partSize = partSize;
        this.partUrlTtl = partUrlTtl;
    }

    // --- createUploadSession -------------------------------------------------------------------

    public ObjectNode createSession(Account account, JsonNode body) {
        UploadRequests.CreateSession request = UploadRequests.createSession(body);
        checkSessionLimits(request);
        Map<String, UploadSession> sessions = sessions(account);
        synchronized (sessions) {
            UploadSession existing = sessions.get(request.uploadSessionId());
            if (existing != null) {
                if (!sameFiles(existing, request.files())) {
                    throw new ApiException(ErrorCode.SESSION_ALREADY_INITIALIZED,
                            Map.of("upload_session_id", request.uploadSessionId()));
                }
                return sessionResponse(existing);
            }
            CreditsSnapshot credits = account.credits().snapshot();
            if (credits.usable() < request.files().size()) {
                throw new ApiException(ErrorCode.INSUFFICIENT_CREDITS, Details.of(
                        "credits_balance", credits.balance(),
                        "credits_reserved", credits.reserved(),
                        "file_count", request.files().size()));
            }
            Map<String, SessionFile> files = new LinkedHashMap<>();
            for (UploadRequests.FileRegistration file : request.files()) {
                files.put(file.fileId(), new SessionFile(file.fileId(), file.fileName(), file.sizeBytes()));
            }
            UploadSession session = new UploadSession(request.uploadSessionId(), files, partSize, clock.now());
            sessions.put(session.id(), session);
            account.counters().sessionCreated();
            return sessionResponse(session);
        }
    }

    private static void checkSessionLimits(UploadRequests.CreateSession request) {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        for (UploadRequests.FileRegistration file : request.files()) {
            if (!ids.add(file.fileId())) {
                throw new ApiException(ErrorCode.DUPLICATE_FILE_ID, "file_id " + file.fileId()
                        + " appears more than once in this session.", Map.of("file_id", file.fileId()));
            }
            if (!names.add(file.fileName())) {
                throw new ApiException(ErrorCode.DUPLICATE_FILE_NAME, "file_name " + file.fileName()
                        + " appears more than once in this session.", Map.of("file_name", file.fileName()));
            }
        }
        for (UploadRequests.FileRegistration file : request.files()) {
            long limit = file.isPdf() ? UploadLimits.MAX_PDF_BYTES : UploadLimits.MAX_IMAGE_BYTES;
            if (file.sizeBytes() > limit) {
                throw new ApiException(ErrorCode.FILE_TOO_LARGE,
                        file.fileName() + " is " + file.sizeBytes() + " bytes; the limit for this file type is "
                                + limit + " bytes.",
                        Details.of("file_id", file.fileId(), "file_name", file.fileName(),
                                "file_size_bytes", file.sizeBytes(), "max_size_bytes", limit));
            }
            total += file.sizeBytes();
        }
        if (total > UploadLimits.MAX_SESSION_BYTES) {
            throw new ApiException(ErrorCode.TOTAL_UPLOAD_SIZE_LIMIT_EXCEEDED,
                    Details.of("total_size_bytes", total, "max_total_size_bytes", UploadLimits.MAX_SESSION_BYTES));
        }
    }

    private static boolean sameFiles(UploadSession session, List<UploadRequests.FileRegistration> files) {
        if (session.files().size() != files.size()) {
            return false;
        }
        for (UploadRequests.FileRegistration file : files) {
            Optional<SessionFile> registered = session.file(file.fileId());
            if (registered.isEmpty() || !registered.get().sameRegistration(file.fileName(), file.sizeBytes())) {
                return false;
            }
        }
        return true;
    }

    private ObjectNode sessionResponse(UploadSession session) {
        ObjectNode response = Json.object();
        response.put("success", true);
        response.put("upload_session_id", session.id());
        var files = response.putArray("files");
        for (SessionFile file : session.files()) {
            files.addObject()
                    .put("file_id", file.fileId())
                    .put("file_name", file.fileName())
                    .put("part_size", session.partSize());
        }
        return response;
    }

    // --- getUploadPartUrls ---------------------------------------------------------------------

    public ObjectNode partUrls(Account account, String uploadSessionId, JsonNode body) {
        UploadRequests.PartUrls request = UploadRequests.partUrls(uploadSessionId, body);
        UploadSession session = sessions(account).get(uploadSessionId);
        SessionFile file = session == null ? null : session.file(request.fileId()).orElse(null);
        if (file == null) {
            throw new ApiException(ErrorCode.FILE_NOT_FOUND, Map.of("file_id", request.fileId()));
        }
        if (!session.available() || file.state() != FileState.UPLOADING) {
            throw new ApiException(ErrorCode.FILE_NOT_UPLOADABLE, Details.of("file_id", request.fileId(),
                    "status", session.available() ? file.state().name().toLowerCase(Locale.ROOT) : "expired"));
        }
        ObjectNode response = Json.object();
        response.put("success", true);
        response.put("upload_session_id", session.id());
        response.put("file_id", file.fileId());
        response.put("file_name", file.fileName());
        response.put("part_size", session.partSize());
        var urls = response.putArray("part_urls");
        for (int partNumber : new LinkedHashSet<>(request.partNumbers())) {
            urls.addObject()
                    .put("part_number", partNumber)
                    .put("url", signedUrls.sign(partPath(account, session, file, partNumber), partUrlTtl));
        }
        return response;
    }

    private static String partPath(Account account, UploadSession session, SessionFile file, int partNumber) {
        return PART_PATH_PREFIX + account.id() + "/" + session.id() + "/" + file.fileId() + "/" + partNumber;
    }

    // --- PUT to a signed part URL --------------------------------------------------------------

    /** Where a signed part URL points. */
    public record PartTarget(String accountId, String uploadSessionId, String fileId, int partNumber) {

        /** Parses {@code /_storage/uploads/{account}/{session}/{file}/{part}}; empty when malformed. */
        public static Optional<PartTarget> parse(String path) {
            if (!path.startsWith(PART_PATH_PREFIX)) {
                return Optional.empty();
            }
            String[] segments = path.substring(PART_PATH_PREFIX.length()).split("/", -1);
            if (segments.length != 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new PartTarget(segments[0], segments[1], segments[2], Integer.parseInt(segments[3])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * Stores a part's bytes and answers its quoted ETag; empty when the upload no longer accepts parts
     * (answered as S3's {@code NoSuchUpload}).
     */
    public Optional<String> storePart(Account account, PartTarget target, byte[] bytes) {
        UploadSession session = sessions(account).get(target.uploadSessionId());
        SessionFile file = session == null ? null : session.file(target.fileId()).orElse(null);
        if (file == null || !session.available()) {
            return Optional.empty();
        }
        synchronized (file) {
            if (file.state() != FileState.UPLOADING) {
                return Optional.empty();
            }
            String etag = "\"" + md5Hex(bytes) + "\"";
            file.parts().put(target.partNumber(), new SessionFile.StoredPart(bytes, etag));
            account.counters().partUploaded();
            return Optional.of(etag);
        }
    }

    // --- completeFileUpload --------------------------------------------------------------------

    public ObjectNode complete(Account account, String uploadSessionId, JsonNode body) {
        UploadRequests.Completion request = UploadRequests.completion(uploadSessionId, body);
        UploadSession session = sessions(account).get(uploadSessionId);
        if (session == null || !session.available()) {
            throw new ApiException(ErrorCode.UPLOAD_ID_NOT_FOUND, Map.of("upload_session_id", uploadSessionId));
        }
        SessionFile file = session.file(request.fileId())
                .orElseThrow(() -> new ApiException(ErrorCode.FILE_NOT_FOUND, Map.of("file_id", request.fileId())));
        ObjectNode response = Json.object();
        response.put("success", true);
        response.put("upload_session_id", session.id());
        response.put("file_id", file.fileId());
        response.put("file_name", file.fileName());
        synchronized (file) {
            switch (file.state()) {
                case ABORTED -> throw new ApiException(ErrorCode.FILE_ABORTED, Map.of("file_id", file.fileId()));
                case COMPLETED -> {
                    return response;
                }
                case UPLOADING -> {
                    byte[] assembled = assemble(session, file, request.parts());
                    file.complete(assembled);
                    account.counters().fileCompleted();
                }
            }
        }
        response.put("status", "completed");
        return response;
    }

    private static byte[] assemble(UploadSession session, SessionFile file, List<UploadRequests.CompletedPart> parts) {
        long expectedParts = session.partCount(file.declaredSizeBytes());
        Map<Integer, String> etags = new TreeMap<>();
        for (UploadRequests.CompletedPart part : parts) {
            if (etags.put(part.partNumber(), part.etag()) != null) {
                throw incomplete("Part " + part.partNumber() + " is listed more than once.");
            }
        }
        List<Integer> beyond = etags.keySet().stream().filter(n -> n > expectedParts).toList();
        if (!beyond.isEmpty()) {
            throw incomplete("The file has " + expectedParts + " part(s) at part_size " + session.partSize()
                    + "; part number(s) " + beyond + " are beyond it.");
        }
        List<Integer> missing = new ArrayList<>();
        for (int n = 1; n <= expectedParts; n++) {
            if (!etags.containsKey(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw incomplete("The parts must cover 1 to " + expectedParts + "; missing part number(s) " + missing + ".");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, file.declaredSizeBytes()));
        long actual = 0;
        Map<Integer, SessionFile.StoredPart> stored = new HashMap<>(file.parts());
        for (Map.Entry<Integer, String> entry : etags.entrySet()) {
            SessionFile.StoredPart part = stored.get(entry.getKey());
            if (part == null) {
                throw incomplete("Part " + entry.getKey() + " was never uploaded.");
            }
            if (!unquote(part.etag()).equals(unquote(entry.getValue()))) {
                throw incomplete("The e_tag of part " + entry.getKey() + " does not match the uploaded part.");
            }
            actual += part.bytes().length;
        }
        if (actual != file.declaredSizeBytes()) {
            throw new ApiException(ErrorCode.OBJECT_SIZE_MISMATCH,
                    "The uploaded parts hold " + actual + " bytes but file_size_bytes was " + file.declaredSizeBytes() + ".",
                    Details.of("file_id", file.fileId(), "declared_size_bytes", file.declaredSizeBytes(),
                            "actual_size_bytes", actual));
        }
        for (Integer number : etags.keySet()) {
            out.writeBytes(stored.get(number).bytes());
        }
        return out.toByteArray();
    }

    private static ApiException incomplete(String reason) {
        return new ApiException(ErrorCode.INVALID_COMPLETION_PARTS,
                ErrorCode.INVALID_COMPLETION_PARTS.defaultMessage() + " " + reason, Map.of("reason", reason));
    }

    private static String unquote(String etag) {
        String trimmed = etag.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    // --- used by submissions and the control API -------------------------------------------------

    public Optional<UploadSession> session(Account account, String uploadSessionId) {
        return Optional.ofNullable(sessions(account).get(uploadSessionId));
    }

    /** Makes a session unavailable: completing its files answers {@code UPLOAD_ID_NOT_FOUND}. */
    public boolean expireSession(Account account, String uploadSessionId) {
        UploadSession session = sessions(account).get(uploadSessionId);
        if (session == null) {
            return false;
        }
        session.expire();
        return true;
    }

    /** Aborts a file still uploading: completing it answers {@code FILE_ABORTED}. */
    public boolean abortFile(Account account, String uploadSessionId, String fileId) {
        Optional<SessionFile> file = session(account, uploadSessionId).flatMap(s -> s.file(fileId));
        file.ifPresent(SessionFile::abort);
        return file.map(f -> f.state() == FileState.ABORTED).orElse(false);
    }

    private Map<String, UploadSession> sessions(Account account) {
        return sessionsByAccount.computeIfAbsent(account.id(), id -> new ConcurrentHashMap<>());
    }

    static String md5Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

}
