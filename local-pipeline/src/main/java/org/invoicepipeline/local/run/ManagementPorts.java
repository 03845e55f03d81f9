package org.invoicepipeline.local.run;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The management port of each Spring application the local run starts: its documented default (8180-8184, what
 * {@code docker/prometheus/prometheus-local.yml} scrapes) when that is free, otherwise any free port, so a second
 * run on the same machine (or a test rig beside a run) starts instead of failing with "Port 8181 was already in
 * use". The port actually bound is read back from the application.
 */
public final class ManagementPorts {

    /** The Spring Boot property of the management server's port. */
    public static final String PORT_PROPERTY = "management.server.port";

    private ManagementPorts() {
    }

    /** {@code preferred} when nothing listens on it, else 0 (the server picks a free port). */
    public static int choose(int preferred) {
        return preferred > 0 && isFree(preferred) ? preferred : 0;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        }
        catch (IOException inUse) {
            return false;
        }
    }

    /**
     * Runs {@code application} with {@code settings} as command-line arguments; unless the settings fix the
     * management port, on {@code preferred} when free, else on a free one (also when another process took
     * {@code preferred} between the check and the bind).
     */
    static ConfigurableApplicationContext run(Supplier<SpringApplicationBuilder> application,
                                              Map<String, String> settings, int preferred) {
        if (settings.containsKey(PORT_PROPERTY)) {
            return application.get().run(arguments(settings, null));
        }
        int port = choose(preferred);
        try {
            return application.get().run(arguments(settings, port));
        }
        catch (RuntimeException e) {
            if (port == 0 || !portInUse(e)) {
                throw e;
            }
            // A builder runs once: a fresh one for the second try.
            return application.get().run(arguments(settings, 0));
        }
    }

    /** The management port the application bound, or -1 when it serves none. */
    public static int boundPort(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("local.management.port", Integer.class, -1);
    }

    private static String[] arguments(Map<String, String> settings, Integer port) {
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        if (port != null) {
            args.add("--" + PORT_PROPERTY + "=" + port);
        }
        return args.toArray(String[]::new);
    }

    private static boolean portInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t.getClass().getSimpleName().equals("PortInUseException")) {
                return true;
            }
        }
        return false;
    }
}
