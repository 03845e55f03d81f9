package org.invoicepipeline.common.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a JVM a test starts on its own class path (a broker, a worker). Start-up time matters more
 * than peak speed here: several such JVMs share two cores with the test, hence the client compiler and serial GC.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** @param maxHeap the {@code -Xmx} value, e.g. {@code 256m} */
    public static List<String> command(String maxHeap, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
