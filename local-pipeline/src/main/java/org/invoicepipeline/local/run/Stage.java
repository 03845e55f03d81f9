package org.invoicepipeline.local.run;

import org.invoicepipeline.download.DownloadWorkerApplication;
import org.invoicepipeline.poll.PollWorkerApplication;
import org.invoicepipeline.submit.SubmitWorkerApplication;
import org.invoicepipeline.upload.UploadWorkerApplication;

/** The four workers of the pipeline, in order, with their Spring Boot application classes. */
public enum Stage {
    UPLOAD("upload", UploadWorkerApplication.class, 8181),
    SUBMIT("submit", SubmitWorkerApplication.class, 8182),
    POLL("poll", PollWorkerApplication.class, 8183),
    DOWNLOAD("download", DownloadWorkerApplication.class, 8184);

    private final String shortName;
    private final Class<?> applicationClass;
    private final int defaultManagementPort;

    Stage(String shortName, Class<?> applicationClass, int defaultManagementPort) {
        this.shortName = shortName;
        this.applicationClass = applicationClass;
        this.defaultManagementPort = defaultManagementPort;
    }

    /** The worker's documented management port (its defaults file), used by the local run when free. */
    public int defaultManagementPort() {
        return defaultManagementPort;
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
