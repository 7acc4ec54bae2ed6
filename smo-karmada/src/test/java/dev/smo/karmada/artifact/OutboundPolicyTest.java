package dev.smo.karmada.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.ArtifactException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutboundPolicyTest {

    private static final OutboundPolicy PUBLIC_ONLY = OutboundPolicy.allow(Set.of("*", "registry.local:5000"));

    static Stream<Arguments> addresses() {
        return Stream.of(
                Arguments.of("cloud metadata", "169.254.169.254", false),
                Arguments.of("IPv4 link-local", "169.254.1.1", false),
                Arguments.of("loopback", "127.0.0.1", false),
                Arguments.of("other loopback", "127.1.2.3", false),
                Arguments.of("private 10/8", "10.0.0.1", false),
                Arguments.of("private 172.16/12", "172.31.255.1", false),
                Arguments.of("private 192.168/16", "192.168.1.1", false),
                Arguments.of("shared 100.64/10", "100.64.0.1", false),
                Arguments.of("this network", "0.0.0.0", false),
                Arguments.of("broadcast", "255.255.255.255", false),
                Arguments.of("multicast", "224.0.0.1", false),
                Arguments.of("IPv6 loopback", "::1", false),
                Arguments.of("IPv6 unspecified", "::", false),
                Arguments.of("IPv6 link-local", "fe80::1", false),
                Arguments.of("IPv6 unique local", "fd00::1", false),
                Arguments.of("IPv6 unique local fc", "fc12::1", false),
                Arguments.of("IPv6 metadata (AWS)", "fd00:ec2::254", false),
                Arguments.of("IPv4-mapped metadata", "::ffff:169.254.169.254", false),
                Arguments.of("IPv4-compatible private", "::10.0.0.1", false),
                Arguments.of("NAT64 of loopback", "64:ff9b::7f00:1", false),
                Arguments.of("public IPv4", "93.184.216.34", true),
                Arguments.of("public IPv6", "2606:2800:220:1:248:1893:25c8:1946", true),
                Arguments.of("172.32 is public", "172.32.0.1", true));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("addresses")
    void onlyPublicAddressesPassTheWildcard(String name, String literal, boolean allowed) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal); // a literal: no lookup, no traffic

        assertThat(OutboundPolicy.isPublic(address)).as(name).isEqualTo(allowed);
        assertThat(PUBLIC_ONLY.refusal("somewhere.example", address).isEmpty())
                .as(name)
                .isEqualTo(allowed);
        assertThat(PUBLIC_ONLY.refusal("registry.local:5000", address))
                .as("listed by name")
                .isEmpty();
    }

    @Test
    void hostsOutsideTheListAreRefusedWithoutTheWildcard() throws UnknownHostException {
        OutboundPolicy policy = OutboundPolicy.allow(Set.of("Registry.Example.com"));
        InetAddress any = InetAddress.getByName("93.184.216.34");

        assertThat(policy.refusal("registry.example.com:443", any)).isEmpty();
        assertThat(policy.refusal("other.example.com", any)).isPresent();
        assertThat(OutboundPolicy.UNRESTRICTED.refusal("x", InetAddress.getByName("169.254.169.254")))
                .isEmpty();
    }

    /** Loopback targets only: a refused target is never dialled, and reads like a closed port. */
    @Test
    void refusedTargetsAreNeverConnectedAndLookLikeClosedPorts() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (ServerSocket listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                OciArtifacts artifacts = OciArtifacts.create(ArtifactConfig.defaults()
                        .withPlainHttp(true)
                        .withPolicy(OutboundPolicy.allow(Set.of("*", "localhost:" + closedPort))))) {
            listening.setSoTimeout(200);
            int port = listening.getLocalPort();
            List<String> messages = new ArrayList<>();
            for (String target : List.of(
                    "127.0.0.1:" + port,
                    "localhost:" + port,
                    "[::1]:" + port,
                    "127.0.0.2:" + port,
                    "localhost:" + closedPort)) {
                assertThatThrownBy(() -> artifacts.fetchDescriptor("oci://" + target + "/p/g:1"))
                        .isInstanceOf(ArtifactException.class)
                        .satisfies(e -> messages.add(e.getMessage().replace(target, "TARGET")));
            }
            try {
                accepted.add(listening.accept());
            } catch (SocketTimeoutException expected) {
                // nothing connected: the policy refused before any connect
            }

            assertThat(accepted).isEmpty();
            assertThat(messages).hasSize(5).containsOnly(messages.get(0));
            assertThat(messages.get(0)).contains("cannot be reached or is not allowed");
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
