/** Branch-and-bound MILP over commons-math3 simplex, with the placement and scaling models. */
module dev.smo.optimizer {
    requires transitive dev.smo.intent;
    requires commons.math3;
}
