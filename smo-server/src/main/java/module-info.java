/** Composition root: configuration, the Javalin REST server with OpenAPI, and the smo CLI. */
module dev.smo.server {
    requires dev.smo.core;
    requires info.picocli;
}
