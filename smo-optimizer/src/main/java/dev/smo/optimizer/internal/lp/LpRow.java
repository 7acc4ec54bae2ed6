package dev.smo.optimizer.internal.lp;

import dev.smo.optimizer.milp.Relation;

/** A sparse row {@code Σ coefficients[t]·x[indices[t]] relation rhs}. */
@SuppressWarnings("ArrayRecordComponent") // a value carrier on a hot path, never compared
public record LpRow(int[] indices, double[] coefficients, Relation relation, double rhs) {}
