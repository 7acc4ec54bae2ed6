package dev.smo.core;

import dev.smo.common.SmoException;

/**
 * A replica's term as leader, or its heartbeat, ended before a side effect or a write of its work: the work stops,
 * stays recorded, and is finished by the replica that leads now.
 */
public class LeadershipLostException extends SmoException {

    private static final long serialVersionUID = 1L;

    /**
     * @param replica the replica's id
     * @param what what it was about to do
     */
    public LeadershipLostException(String replica, String what) {
        super("Replica (" + replica + ") no longer holds its lease; it did not " + what
                + ".\nMaybe look for the replica that leads now: it finishes the work.");
    }
}
