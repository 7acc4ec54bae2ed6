package dev.smo.model;

/** Builds small descriptors for tests. */
final class Descriptor {

    private Descriptor() {}

    /** @return a valid one-service descriptor whose compute mapping is {@code compute} */
    static String withCompute(String compute) {
        return """
                hdaGraph:
                  id: demo
                  services:
                    - id: web
                      artifact: {ociImage: oci://registry/web}
                      deployment:
                        trigger: {type: standard}
                        intent:
                          compute: %s
                """.formatted(compute);
    }
}
