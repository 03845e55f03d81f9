package org.invoicepipeline.sandbox.upload;

/** Where a registered file is in its upload. */
public enum FileState {
    /** Parts may be uploaded; not yet completed. */
    UPLOADING,
    /** Completed: its bytes are assembled and it can be named in an extraction. */
    COMPLETED,
    /** Aborted (only through the control API): upload it in a new session. */
    ABORTED
}
