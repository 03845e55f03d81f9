package org.invoicepipeline.local.register;

import org.invoicepipeline.events.FileRegistered;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one scan of the input folder did: the files it registered and the paths it left out, with why.
 *
 * @param registered the files registered by this scan
 * @param skipped    the paths left out (relative to the input folder), each reported by one scan only
 */
public record FolderScan(List<FileRegistered> registered, List<Skipped> skipped) {

    /** Marker reason of a subfolder a recursive scan descends into: not a skip, not reported. */
    static final String NOT_A_SKIP = "";

    public FolderScan {
        registered = List.copyOf(registered);
        skipped = skipped.stream().filter(s -> !s.reason().equals(NOT_A_SKIP)).toList();
    }

    /** A path left out of the registration. */
    public record Skipped(String path, String reason) {
    }

    /**
     * One line naming what was skipped and why, e.g. {@code Skipped 3: hidden: .DS_Store, .git; subfolder (add
     * --recursive to include it): 2025}; empty when nothing was skipped. At most {@code perReason} names per reason.
     */
    public String skippedLine(int perReason) {
        if (skipped.isEmpty()) {
            return "";
        }
        Map<String, List<String>> byReason = skipped.stream().collect(Collectors.groupingBy(Skipped::reason,
                TreeMap::new, Collectors.mapping(Skipped::path, Collectors.toList())));
        StringBuilder line = new StringBuilder("Skipped ").append(skipped.size()).append(": ");
        String separator = "";
        for (Map.Entry<String, List<String>> entry : byReason.entrySet()) {
            List<String> paths = entry.getValue();
            line.append(separator).append(entry.getKey()).append(": ")
                    .append(String.join(", ", paths.subList(0, Math.min(perReason, paths.size()))));
            if (paths.size() > perReason) {
                line.append(" and ").append(paths.size() - perReason).append(" more");
            }
            separator = "; ";
        }
        return line.toString();
    }
}
