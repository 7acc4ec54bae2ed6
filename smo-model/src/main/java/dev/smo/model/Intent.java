package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a service needs: resources, the services it connects to, network and placement wishes.
 *
 * @param compute resource levels or quantities; null becomes {@link Compute#UNSPECIFIED}
 * @param connectionPoints ids of the services this one connects to
 * @param network latency and proximity wishes; null becomes {@link Network#EMPTY}
 * @param coLocation ids of services to place in the same cluster
 * @param metrics metric definitions, kept as written
 * @param scaling how SMO scales the service; empty when it is not scaled
 * @param extensions unknown fields of {@code intent}
 */
public record Intent(
        Compute compute,
        List<String> connectionPoints,
        Network network,
        List<String> coLocation,
        List<Object> metrics,
        Optional<ScalingIntent> scaling,
        Map<String, Object> extensions) {

    /** No resources, connections, network wishes, co-location, metrics or scaling. */
    public static final Intent EMPTY = new Intent(null, null, null, null, null, Optional.empty(), null);

    /** Applies the defaults and copies the collections. */
    public Intent {
        compute = compute == null ? Compute.UNSPECIFIED : compute;
        connectionPoints = Values.freezeStrings(connectionPoints);
        network = network == null ? Network.EMPTY : network;
        coLocation = Values.freezeStrings(coLocation);
        metrics = Values.freezeList(metrics);
        scaling = scaling == null ? Optional.empty() : scaling;
        extensions = Values.freezeMap(extensions);
    }

    /**
     * @param compute resource levels or quantities
     * @param connectionPoints ids of the services this one connects to
     * @return an intent without network wishes, co-location, metrics, scaling or extensions
     */
    public static Intent of(Compute compute, List<String> connectionPoints) {
        return new Intent(compute, connectionPoints, null, null, null, Optional.empty(), null);
    }

    /**
     * @param scaling how SMO scales the service
     * @return a copy with that scaling intent
     */
    public Intent withScaling(ScalingIntent scaling) {
        return new Intent(compute, connectionPoints, network, coLocation, metrics, Optional.of(scaling), extensions);
    }
}
