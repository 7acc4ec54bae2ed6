package dev.smo.optimizer.milp;

import dev.smo.common.SmoException;

/** A model or problem was built wrongly (bad bounds, unknown variable, unknown name): a programming error. */
public class InvalidModelException extends SmoException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the thing and its value */
    public InvalidModelException(String message) {
        super(message);
    }
}
