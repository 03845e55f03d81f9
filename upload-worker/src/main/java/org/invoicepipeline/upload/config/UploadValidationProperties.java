package org.invoicepipeline.upload.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.invoicepipeline.common.config.PropertyRules;
import org.springframework.util.unit.DataSize;

/** {@code pipeline.upload.validation.*}: what a FileRegistered must satisfy before anything is sent to the API. */
public class UploadValidationProperties {

    /**
     * Directories {@code file:} sources must resolve into (after following links). Empty = no local file
     * is allowed, so set at least one.
     */
    private List<Path> allowedRoots = new ArrayList<>();

    /**
     * Object storage sources may be read from: {@code s3://bucket/} (a whole bucket) or {@code s3://bucket/prefix}
     * (keys starting with it). Empty = no {@code s3:} source is allowed (and no S3 client is built).
     */
    private List<String> allowedS3Locations = new ArrayList<>();

    /** Largest PDF accepted (the API's limit is 150 MB). */
    private DataSize maxPdfSize = DataSize.ofMegabytes(150);

    /** Largest JPEG/PNG accepted (the API's limit is 5 MB). */
    private DataSize maxImageSize = DataSize.ofMegabytes(5);

    /** Whether files naming a profile that is not configured ({@code pipeline.profiles.*}) are rejected here. */
    private boolean requireKnownProfile = true;

    /**
     * Whether files whose bytes are not a whole document of their declared type (truncated PDF, missing image
     * markers, a PNG named .pdf) are rejected here as {@code CORRUPT_FILE} (only the first and last KiB are read),
     * and whether PDFs are opened for a password needed to open them ({@code ENCRYPTED_FILE}) and their page
     * count ({@code FILE_PAGE_LIMIT_EXCEEDED}).
     */
    private boolean checkContent = true;

    /** Most pages of a PDF (the API's limit is 5,000); a PDF with more is FILE_PAGE_LIMIT_EXCEEDED. */
    private int maxPdfPages = 5_000;


    /** Start-up checks of these settings, nested as {@code validation} in {@code rules}' properties. */
    void validate(PropertyRules rules) {
        rules.atLeast("validation.maxPdfPages", maxPdfPages, 1);
        for (String location : allowedS3Locations) {
            rules.require(location != null && location.matches("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?"),
                    "validation.allowedS3Locations", location, "must be s3://bucket/ or s3://bucket/prefix");
        }
    }

    public List<String> getAllowedS3Locations() {
        return allowedS3Locations;
    }

    public void setAllowedS3Locations(List<String> allowedS3Locations) {
        this.allowedS3Locations = allowedS3Locations;
    }

    public List<Path> getAllowedRoots() {
        return allowedRoots;
    }

    public void setAllowedRoots(List<Path> allowedRoots) {
        this.allowedRoots = allowedRoots;
    }

    public DataSize getMaxPdfSize() {
        return maxPdfSize;
    }

    public void setMaxPdfSize(DataSize maxPdfSize) {
        this.maxPdfSize = maxPdfSize;
    }

    public DataSize getMaxImageSize() {
        return maxImageSize;
    }

    public void setMaxImageSize(DataSize maxImageSize) {
        this.maxImageSize = maxImageSize;
    }

    public boolean isRequireKnownProfile() {
        return requireKnownProfile;
    }

    public void setRequireKnownProfile(boolean requireKnownProfile) {
        this.requireKnownProfile = requireKnownProfile;
    }

    public int getMaxPdfPages() {
        return maxPdfPages;
    }

    public void setMaxPdfPages(int maxPdfPages) {
        this.maxPdfPages = maxPdfPages;
    }

    public boolean isCheckContent() {
        return checkContent;
    }

    public void setCheckContent(boolean checkContent) {
        this.checkContent = checkContent;
    }
}
