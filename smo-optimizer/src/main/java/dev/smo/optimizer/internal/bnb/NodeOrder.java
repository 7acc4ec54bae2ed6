package dev.smo.optimizer.internal.bnb;

import java.util.Comparator;

/** Node selection rules; every rule ends with the sequence number, so the order is total. */
final class NodeOrder {

    /** Lowest bound first, then deepest (dives towards solutions among equals), then oldest. */
    static final Comparator<Node> BEST_BOUND = Comparator.comparingDouble(Node::bound)
            .thenComparing(Comparator.comparingInt(Node::depth).reversed())
            .thenComparingLong(Node::sequence);

    private NodeOrder() {}
}
