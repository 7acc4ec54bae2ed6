package dev.smo.intent;

import dev.smo.common.SmoException;

/** A text is not a Kubernetes quantity, or its value does not fit where it is used. */
public class InvalidQuantityException extends SmoException {

    private static final long serialVersionUID = 1L;

    private final String text;

    /**
     * @param text the offending text
     * @param message what is wrong with it, naming it
     */
    public InvalidQuantityException(String text, String message) {
        super(message);
        this.text = text;
    }

    /**
     * @return the offending text
     */
    public String text() {
        return text;
    }
}
