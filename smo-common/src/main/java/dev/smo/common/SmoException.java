package dev.smo.common;

/**
 * The one unchecked root of every failure SMO reports.
 *
 * <p>Subclasses are named for the failure ({@code InvalidDescriptorException}, {@code UnableToDeployException}, ...)
 * and carry the context needed to act on it. A checked cause is wrapped once, with that context.
 */
public class SmoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the thing and its value
     */
    public SmoException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the thing and its value
     * @param cause the underlying failure
     */
    public SmoException(String message, Throwable cause) {
        super(message, cause);
    }
}
