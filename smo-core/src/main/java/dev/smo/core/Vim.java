package dev.smo.core;

import dev.smo.core.spi.Nfvcl;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenStack VIM SMO knows, registered through SMO or found in the NFVCL's topology. Its password is not part of
 * it: the store keeps it sealed and gives it back only to re-register the VIM with an NFVCL that lost it.
 *
 * @param id SMO's id, assigned by the store (0 before)
 * @param name the name it was registered under
 * @param nfvclName the name the NFVCL stores it under (lower case, {@code -} turned into {@code _})
 * @param popArea the pop area it serves
 * @param url the Keystone URL, or empty when the NFVCL did not say
 * @param user the OpenStack user, or empty for a VIM found in the NFVCL's topology
 * @param networks its networks, the management network first and the service network second (the original's
 *     convention); CIDR and gateway are {@code null} for a VIM found in the topology
 * @param insecure whether TLS certificates are not checked
 * @param useFloatingIp whether VMs get floating IPs
 * @param createdAt when SMO stored it
 * @param updatedAt when SMO last changed it
 */
public record Vim(
        long id,
        String name,
        String nfvclName,
        int popArea,
        String url,
        String user,
        List<Nfvcl.Network> networks,
        boolean insecure,
        boolean useFloatingIp,
        Instant createdAt,
        Instant updatedAt) {

    public Vim {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nfvclName, "nfvclName");
        url = url == null ? "" : url;
        user = user == null ? "" : user;
        networks = List.copyOf(networks);
    }

    /** @return the management network's name, when the VIM has one */
    public Optional<String> managementNetwork() {
        return networks.isEmpty()
                ? Optional.empty()
                : Optional.of(networks.get(0).name());
    }

    /** @return the service network's name, when the VIM has one */
    public Optional<String> serviceNetwork() {
        return networks.size() < 2
                ? Optional.empty()
                : Optional.of(networks.get(1).name());
    }

    /**
     * @param name a VIM name as SMO or the NFVCL spells it
     * @return the NFVCL's spelling: lower case, {@code -} turned into {@code _}
     */
    public static String nfvclName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
