package dev.smo.model;

import java.nio.file.Path;

/** Paths of the descriptors in smo-examples, read by relative path from this module's directory. */
final class Examples {

    static final Path ROOT = Path.of("../smo-examples");
    static final Path BRUSSELS = ROOT.resolve("brussels-demo/hdag.yaml");
    static final Path MY_WEBAPP = ROOT.resolve("my-webapp/hdag.yaml");
    static final Path INVALID = ROOT.resolve("invalid");

    private Examples() {}
}
