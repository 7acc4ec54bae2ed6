package dev.smo.model.internal;

import dev.smo.model.Violation;

/** Stops reading a document that cannot be read further; carries the one violation explaining why. */
final class Fatal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Violation violation;

    Fatal(Violation violation) {
        super(violation.message(), null, false, false);
        this.violation = violation;
    }

    Violation violation() {
        return violation;
    }
}
