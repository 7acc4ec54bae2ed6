package dev.smo.core;

import dev.smo.common.SmoException;

/** Someone else changed an NFVCL cluster between this request's read and its write. */
public class NfvclClusterChangedException extends SmoException {

    private static final long serialVersionUID = 1L;

    /**
     * @param smoId the cluster
     * @param expected the version that was read
     */
    public NfvclClusterChangedException(String smoId, long expected) {
        super("Cluster (" + smoId + ") was changed concurrently (version " + expected + " is stale)."
                + "\nMaybe read it again and retry.");
    }
}
