package dev.smo.optimizer.placement;

import dev.smo.optimizer.milp.InvalidModelException;

/** A placement problem was built wrongly: duplicate or unknown names, negative demands. Not an infeasibility. */
public class InvalidPlacementProblemException extends InvalidModelException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the thing and its value */
    public InvalidPlacementProblemException(String message) {
        super(message);
    }
}
