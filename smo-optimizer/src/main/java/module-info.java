/**
 * Branch-and-bound MILP over commons-math3 simplex, with the placement and scaling models, and the robust
 * regression that learns services' scaling profiles.
 *
 * <p>Only plain inputs (names, numbers, maps) cross this module's API. The {@code internal} packages are not exported.
 */
module dev.smo.optimizer {
    requires transitive dev.smo.common;
    requires commons.math3;

    exports dev.smo.optimizer.milp;
    exports dev.smo.optimizer.placement;
    exports dev.smo.optimizer.profiling;
    exports dev.smo.optimizer.scaling;
}
