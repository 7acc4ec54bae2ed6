package dev.smo.core;

import dev.smo.common.SmoException;

/** The requested lifecycle step does not apply to the graph's current state (e.g. stop a stopped graph). */
public class IllegalTransitionException extends SmoException {

    private static final long serialVersionUID = 1L;

    /** @param message what was asked and why it does not apply */
    public IllegalTransitionException(String message) {
        super(message);
    }
}
