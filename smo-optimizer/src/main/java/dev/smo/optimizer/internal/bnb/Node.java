package dev.smo.optimizer.internal.bnb;

/**
 * An immutable branch-and-bound node: the bounds of every variable at this node and the parent's LP bound
 * (minimisation form). {@code sequence} is unique and increasing, so orderings are total and deterministic.
 */
@SuppressWarnings("ArrayRecordComponent") // a value carrier on a hot path, never compared
record Node(long sequence, int depth, double bound, double[] lower, double[] upper) {

    Node child(long childSequence, int variable, double newLower, double newUpper, double childBound) {
        double[] l = lower.clone();
        double[] u = upper.clone();
        l[variable] = newLower;
        u[variable] = newUpper;
        return new Node(childSequence, depth + 1, childBound, l, u);
    }
}
