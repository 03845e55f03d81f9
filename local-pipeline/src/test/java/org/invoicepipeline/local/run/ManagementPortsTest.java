package org.invoicepipeline.local.run;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class ManagementPortsTest {

    @Test
    void aTakenDefaultPortFallsBackToAnyFreePort() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();

            assertThat(ManagementPorts.choose(port)).isZero();
        }
    }

    @Test
    void aFreeDefaultPortIsKept() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        assertThat(ManagementPorts.choose(port)).isEqualTo(port);
    }
}
