package org.invoicepipeline.local.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The log levels that keep the libraries quiet in every Spring application the local run starts (the workers and
 * the lag monitor): the console is for the run's own progress lines.
 */
public final class LibraryLogLevels {

    private LibraryLogLevels() {
    }

    /** {@code logging.level.*} settings, in a fresh map the caller may extend. */
    public static Map<String, String> quiet() {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("logging.level.org.springframework", "WARN");
        levels.put("logging.level.org.apache.kafka", "ERROR");
        levels.put("logging.level.org.apache.catalina", "WARN");
        levels.put("logging.level.org.apache.coyote", "WARN");
        return levels;
    }
}
