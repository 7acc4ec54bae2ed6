package dev.smo.core.spi;

import dev.smo.core.ServiceProfile;
import java.util.List;
import java.util.Optional;

/**
 * Keeps services' learned profiles, versioned: each save adds a version, the latest is the current one. Profiles
 * are keyed by graph name and service id and outlive the graph, so a graph deployed again keeps its profiles.
 */
public interface ProfileStore {

    /**
     * @param profile a profile, its version ignored
     * @return the profile as stored, with the next version of that graph's service (1 for the first)
     */
    ServiceProfile save(ServiceProfile profile);

    /**
     * @param graph the graph name
     * @param service the service id
     * @return the latest version, if any
     */
    Optional<ServiceProfile> current(String graph, String service);

    /**
     * @param graph the graph name
     * @return the latest version of each of the graph's services that has a profile, by service id
     */
    java.util.Map<String, ServiceProfile> currentOf(String graph);

    /**
     * @param graph the graph name
     * @param service the service id
     * @return every version, oldest first
     */
    List<ServiceProfile> history(String graph, String service);
}
