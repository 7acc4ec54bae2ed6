package dev.smo.core;

import dev.smo.common.SmoException;

/** No NFVCL cluster of that SMO id is known. */
public class NfvclClusterNotFoundException extends SmoException {

    private static final long serialVersionUID = 1L;

    /** @param smoId the id that was asked for */
    public NfvclClusterNotFoundException(String smoId) {
        super("Cluster (" + smoId + ") not found.");
    }
}
