package dev.smo.core.internal;

import dev.smo.model.HdaGraph;
import java.util.LinkedHashMap;
import java.util.function.Function;

/**
 * The graphs behind stored descriptors. A graph's descriptor never changes once accepted, so the graph parsed at
 * deploy time is remembered under its canonical JSON and re-placement, scaling and dashboards reuse it; a descriptor
 * this process has not seen (another process deployed it, or it was evicted) is parsed once, then remembered.
 */
final class ParsedDescriptors {

    /** At most this many graphs are remembered... */
    private static final int CAPACITY = 512;
    /** ...and descriptors of at most this many characters in all (a descriptor may be up to 1 MiB). */
    private static final long CAPACITY_CHARS = 16L << 20;

    private final Function<String, HdaGraph> parser;
    private final LinkedHashMap<String, HdaGraph> graphs = new LinkedHashMap<>(64, 0.75f, true);
    private long chars;

    ParsedDescriptors(Function<String, HdaGraph> parser) {
        this.parser = parser;
    }

    /**
     * @param descriptor a stored descriptor (canonical JSON)
     * @return its graph
     */
    HdaGraph graph(String descriptor) {
        synchronized (graphs) {
            HdaGraph known = graphs.get(descriptor);
            if (known != null) {
                return known;
            }
        }
        HdaGraph parsed = parser.apply(descriptor);
        remember(descriptor, parsed);
        return parsed;
    }

    /**
     * @param descriptor the canonical JSON a graph is stored with
     * @param graph the graph it was written from
     */
    void remember(String descriptor, HdaGraph graph) {
        synchronized (graphs) {
            if (graphs.put(descriptor, graph) == null) {
                chars += descriptor.length();
            }
            var eldest = graphs.entrySet().iterator();
            while (graphs.size() > 1 && (graphs.size() > CAPACITY || chars > CAPACITY_CHARS)) {
                chars -= eldest.next().getKey().length();
                eldest.remove();
            }
        }
    }
}
