package org.invoicepipeline.client.upload;

/**
 * How a file splits into parts: {@code ceil(size / partSize)} parts (a file smaller than the part size is one
 * part), part {@code n} (1-based) starting at {@code (n - 1) * partSize}.
 */
public record PartPlan(long fileSizeBytes, long partSize) {

    public static final int MAX_PARTS = 10_000;

    public PartPlan {
        if (fileSizeBytes < 1) {
            throw new IllegalArgumentException("fileSizeBytes must be at least 1");
        }
        if (partSize < 1) {
            throw new IllegalArgumentException("partSize must be at least 1");
        }
        long parts = (fileSizeBytes + partSize - 1) / partSize;
        if (parts > MAX_PARTS) {
            throw new IllegalArgumentException(parts + " parts exceed the API's maximum of " + MAX_PARTS);
        }
    }

    public int partCount() {
        return (int) ((fileSizeBytes + partSize - 1) / partSize);
    }

    public long offsetOf(int partNumber) {
        checkPart(partNumber);
        return (partNumber - 1) * partSize;
    }

    public long lengthOf(int partNumber) {
        checkPart(partNumber);
        return Math.min(partSize, fileSizeBytes - offsetOf(partNumber));
    }

    private void checkPart(int partNumber) {
        if (partNumber < 1 || partNumber > partCount()) {
            throw new IllegalArgumentException("part " + partNumber + " outside 1.." + partCount());
        }
    }
}
