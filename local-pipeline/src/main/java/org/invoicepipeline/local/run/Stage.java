package org.invoicepipeline.local.run;

import org.invoicepipeline.download.DownloadWorkerApplication;
import org.invoicepipeline.poll.PollWorkerApplication;
import org.invoicepipeline.submit.SubmitWorkerApplication;
import org.invoicepipeline.upload.UploadWorkerApplication;

/** The four workers of the pipeline, in order, with their Spring Boot application classes. */
public enum Stage {
    UPLOAD("upload", UploadWorkerApplication.class),
    SUBMIT("submit", SubmitWorkerApplication.class),
    POLL("poll", PollWorkerApplication.class),
    DOWNLOAD("download", DownloadWorkerApplication.class);

    private final String shortName;
    private final Class<?> applicationClass;

    Stage(String shortName, Class<?> applicationClass) {
        this.shortName = shortName;
        this.applicationClass = applicationClass;
    }

    public String shortName() {
        return shortName;
    }

    /** The fully qualified name of the worker's Spring Boot application class (its {@code main}). */
    public String applicationClassName() {
        return applicationClass.getName();
    }

    Class<?> applicationClass() {
        return applicationClass;
    }
}
