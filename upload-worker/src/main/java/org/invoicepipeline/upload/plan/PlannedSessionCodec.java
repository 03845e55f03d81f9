package org.invoicepipeline.upload.plan;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.common.kafka.RecordRejectedException;

/**
 * JSON form of {@link PlannedSession} on the stage's internal topic. The topic is private to this stage
 * (planner and uploader ship together), so plain JSON with unknown fields ignored is enough; fields added later
 * ({@code sha256}, {@code origin}) read as null from older plans, and the uploader falls back for them.
 */
public final class PlannedSessionCodec {

    /** Code of an internal record that is not a readable plan. */
    public static final String INVALID_PLAN = "INVALID_PLAN";

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public byte[] write(PlannedSession session) {
        try {
            return mapper.writeValueAsBytes(session);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot write plan of " + session.uploadSessionId(), e);
        }
    }

    /** The JSON of one planned file, as it appears inside a plan (to measure its share of the plan). */
    byte[] write(PlannedFile file) {
        try {
            return mapper.writeValueAsBytes(file);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot write plan entry of " + file.fileId(), e);
        }
    }

    public PlannedSession read(byte[] bytes) {
        if (bytes == null) {
            throw new RecordRejectedException(INVALID_PLAN, "empty record");
        }
        try {
            PlannedSession session = mapper.readValue(bytes, PlannedSession.class);
            if (session.uploadSessionId() == null || session.files().isEmpty()) {
                throw new RecordRejectedException(INVALID_PLAN, "plan without session id or files");
            }
            return session;
        }
        catch (IOException e) {
            throw new RecordRejectedException(INVALID_PLAN, "not a planned session: " + e.getClass().getSimpleName());
        }
    }
}
