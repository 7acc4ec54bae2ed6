package dev.smo.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.model.HdaGraph;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParsedDescriptorsTest {

    private final AtomicInteger parses = new AtomicInteger();
    private final ParsedDescriptors descriptors = new ParsedDescriptors(text -> {
        parses.incrementAndGet();
        return HdaGraph.of("g" + text.length(), List.of());
    });

    @Test
    void aGraphRememberedAtDeployIsNeverParsed() {
        HdaGraph deployed = HdaGraph.of("deployed", List.of());
        descriptors.remember(new String("{\"hdaGraph\":1}"), deployed);

        assertThat(descriptors.graph(new String("{\"hdaGraph\":1}"))).isSameAs(deployed);
        assertThat(parses).hasValue(0);
    }

    @Test
    void anUnknownDescriptorIsParsedOnce() {
        HdaGraph first = descriptors.graph("{\"a\":1}");
        HdaGraph second = descriptors.graph("{\"a\":1}");

        assertThat(second).isSameAs(first);
        assertThat(parses).hasValue(1);
    }

    @Test
    void memoryIsBoundedByCharactersNotOnlyByCount() {
        String big = "x".repeat(1 << 20);
        for (int i = 0; i < 40; i++) {
            descriptors.graph(i + big);
        }
        assertThat(parses).hasValue(40);

        descriptors.graph(39 + big); // the most recent: still remembered
        descriptors.graph("0" + big); // the first: evicted (40 MiB > 16 MiB), parsed again
        assertThat(parses).hasValue(41);
    }
}
