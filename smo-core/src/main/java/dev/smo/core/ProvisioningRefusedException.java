package dev.smo.core;

import dev.smo.optimizer.placement.PlacementResult;

/** A graph cannot be placed and no cluster the NFVCL could build would help; nothing was changed. */
public class ProvisioningRefusedException extends PlacementFailedException {

    private static final long serialVersionUID = 1L;

    private final String why;

    /**
     * @param graph the graph id
     * @param result the solver's result
     * @param why why no cluster is provisioned
     */
    public ProvisioningRefusedException(String graph, PlacementResult result, String why) {
        super(graph, result);
        this.why = why;
    }

    /** @return why no cluster is provisioned */
    public String why() {
        return why;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + "\nNo cluster is provisioned: " + why;
    }
}
