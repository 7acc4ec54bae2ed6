/** Runnable examples: bundled descriptors and charts, and embedding the orchestrator in a JVM program. */
module dev.smo.examples {
    requires transitive dev.smo.core;

    exports dev.smo.examples;
}
