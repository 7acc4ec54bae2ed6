package dev.smo.karmada.artifact;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which registries an artifact may be fetched from or pushed to, checked on the host's resolved addresses before
 * anything is sent to it.
 *
 * <p>A host listed in {@code allowedHosts} ({@code host} or {@code host:port}; a bare host matches every port) may
 * resolve to any address, loopback and private ones included: the operator named it. {@code *} admits every other
 * host, but only when each of its addresses is public: loopback, unspecified, link-local (169.254/16 and fe80::/10,
 * cloud metadata at 169.254.169.254 included), private (10/8, 172.16/12, 192.168/16, 100.64/10 shared, fc00::/7
 * unique local), multicast, and IPv4-mapped or -compatible forms of those are refused.
 *
 * @param allowedHosts the registries allowed by name, lower case, and {@code *} for any public host
 * @param unrestricted whether every host is allowed whatever it resolves to (the library's default; a server sets a
 *        policy)
 */
public record OutboundPolicy(Set<String> allowedHosts, boolean unrestricted) {

    /** No check at all. */
    public static final OutboundPolicy UNRESTRICTED = new OutboundPolicy(Set.of(), true);

    /** Normalises and copies the hosts. */
    public OutboundPolicy {
        Set<String> hosts = new HashSet<>();
        for (String host : Objects.requireNonNull(allowedHosts, "allowedHosts")) {
            hosts.add(host.strip().toLowerCase(Locale.ROOT));
        }
        allowedHosts = Set.copyOf(hosts);
    }

    /**
     * @param hosts registries allowed by name, and {@code *} for any host with public addresses only
     * @return the policy allowing those
     */
    public static OutboundPolicy allow(Set<String> hosts) {
        return new OutboundPolicy(hosts, false);
    }

    /**
     * @param host the registry, {@code host} or {@code host:port}
     * @return whether it is listed by name (any address allowed)
     */
    public boolean listed(String host) {
        String key = host.strip().toLowerCase(Locale.ROOT);
        int colon = key.lastIndexOf(':');
        String bare = colon > key.lastIndexOf(']') ? key.substring(0, colon) : key;
        return allowedHosts.contains(key) || allowedHosts.contains(bare);
    }

    /**
     * @param host the registry, {@code host} or {@code host:port}
     * @param addresses what its name resolved to
     * @return why it is refused, or empty when it is allowed
     */
    public Optional<String> refusal(String host, InetAddress... addresses) {
        if (unrestricted || listed(host)) {
            return Optional.empty();
        }
        if (!allowedHosts.contains("*")) {
            return Optional.of("not in the allowed registries " + allowedHosts);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to a non-public address");
            }
        }
        return addresses.length == 0 ? Optional.of("resolves to no address") : Optional.empty();
    }

    /**
     * @param address an address
     * @return whether it is a public unicast address
     */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // this network
                    && !(first == 100 && second >= 64 && second < 128) // shared address space (carrier NAT)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // fc00::/7 unique local
                return false;
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) { // fec0::/10 site local (deprecated)
                return false;
            }
            if (embedsIpv4(b)) {
                try {
                    byte[] v4 = {b[12], b[13], b[14], b[15]};
                    return isPublic(InetAddress.getByAddress(v4));
                } catch (java.net.UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) and 64:ff9b::a.b.c.d (NAT64). */
    private static boolean embedsIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0;
        boolean nat64 =
                (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        return mapped || compatible || nat64;
    }
}
