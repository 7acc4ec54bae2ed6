package dev.smo.persistence.internal;

/** Helpers for messages that wrap a cause. */
final class Exceptions {

    private Exceptions() {}

    /** @return the innermost cause's message (its class name when it has none) */
    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
