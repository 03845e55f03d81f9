package org.invoicepipeline.upload.plan;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.common.kafka.RecordRejectedException;

/**
 * JSON form of {@link PlannedSession} on the stage's internal topic. The topic is private to this stage
 * (planner and uploader ship together), so plain JSON with unknown fields ignored is enough.
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
