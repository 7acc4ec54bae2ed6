/** Intent translation: abstract resource levels (cpu: light) to concrete Kubernetes quantities per service. */
module dev.smo.intent {
    requires transitive dev.smo.model;

    exports dev.smo.intent;
}
