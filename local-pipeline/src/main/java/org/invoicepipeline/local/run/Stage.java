package org.invoicepipeline.local.run;

/** The four workers of the pipeline, in order, with their Spring Boot application classes. */
public enum Stage {
    UPLOAD("upload", "org.invoicepipeline.upload.UploadWorkerApplication"),
    SUBMIT("submit", "org.invoicepipeline.submit.SubmitWorkerApplication"),
    POLL("poll", "org.invoicepipeline.poll.PollWorkerApplication"),
    DOWNLOAD("download", "org.invoicepipeline.download.DownloadWorkerApplication");

    private final String shortName;
    private final String applicationClass;

    Stage(String shortName, String applicationClass) {
        this.shortName = shortName;
        this.applicationClass = applicationClass;
    }

    public String shortName() {
        return shortName;
    }

    /** The fully qualified name of the worker's Spring Boot application class (its {@code main}). */
    public String applicationClassName() {
        return applicationClass;
    }

    Class<?> applicationClass() {
        try {
            return Class.forName(applicationClass);
        }
        catch (ClassNotFoundException e) {
            throw new IllegalStateException("The " + shortName + " worker is not on the class path: " + applicationClass, e);
        }
    }
}
