package dev.smo.model.internal;

/** A 1-based source position; {@link #UNKNOWN} is 0:0. */
public record Mark(int line, int column) {

    /** No known position. */
    public static final Mark UNKNOWN = new Mark(0, 0);
}
