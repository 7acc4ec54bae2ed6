/** The root of every failure SMO reports, shared by all modules and depending on nothing. */
module dev.smo.common {
    exports dev.smo.common;
}
