package dev.smo.core;

/** The NFVCL refused a request or could not be reached; carries NFVCL's own message and HTTP status. */
public class NfvclException extends SmoIntegrationException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status NFVCL's HTTP status, or 0 when no answer came
     * @param message what failed, with NFVCL's own detail
     * @param cause the underlying failure, or {@code null}
     */
    public NfvclException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** @return NFVCL's HTTP status, or 0 when it did not answer */
    public int status() {
        return status;
    }
}
