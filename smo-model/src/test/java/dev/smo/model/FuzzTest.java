package dev.smo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Throws random and mutated descriptors at the parser: only InvalidDescriptorException may come out. */
class FuzzTest {

    private static final long SEED = 20_260_101L;
    private static final int CASES = 4000;
    private static final String SPECIALS = "{[&*!|>'\"%@`#:-,?]}";

    @Test
    @Timeout(30)
    void parserNeverThrowsAnythingButInvalidDescriptorException() throws IOException {
        Random random = new Random(SEED);
        List<String> seeds = List.of(
                Files.readString(Examples.BRUSSELS),
                Files.readString(Examples.MY_WEBAPP),
                Descriptors.toJson(Descriptors.parse(Examples.BRUSSELS)));
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                HdaGraph graph = Descriptors.parse(input);
                assertThat(Descriptors.parse(Descriptors.toYaml(graph))).isEqualTo(graph);
                valid++;
            } catch (InvalidDescriptorException e) {
                assertThat(e.violations()).isNotEmpty();
                invalid++;
            } catch (RuntimeException | Error e) {
                fail("Case " + i + " threw " + e + " for input:\n" + new String(input, StandardCharsets.UTF_8), e);
            }
        }
        assertThat(valid).as("some mutations stay valid").isPositive();
        assertThat(invalid).as("most mutations break the descriptor").isGreaterThan(CASES / 4);
    }

    private static byte[] mutate(String seed, Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            return bytes;
        }
        if (kind == 1) {
            return nested(random).getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 2) {
            return aliasBomb(random).getBytes(StandardCharsets.UTF_8);
        }
        List<String> lines = new ArrayList<>(seed.lines().toList());
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
                case 2 -> Collections.swap(lines, at, random.nextInt(lines.size()));
                case 3 -> lines.set(at, changeCharacter(lines.get(at), random));
                case 4 -> lines.set(at, lines.get(at).replaceFirst("^ {2}", ""));
                default -> lines.set(at, lines.get(at) + " " + SPECIALS.charAt(random.nextInt(SPECIALS.length())));
            }
        }
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(8) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static String changeCharacter(String line, Random random) {
        if (line.isEmpty()) {
            return String.valueOf((char) random.nextInt(128));
        }
        int at = random.nextInt(line.length());
        char replacement = random.nextBoolean() ? (char) (32 + random.nextInt(95)) : (char) random.nextInt(0x3000);
        return line.substring(0, at) + replacement + line.substring(at + 1);
    }

    private static String nested(Random random) {
        int depth = 1 + random.nextInt(200);
        String open = random.nextBoolean() ? "[" : "{a: ";
        String close = open.equals("[") ? "]" : "}";
        return "hdaGraph: " + open.repeat(depth) + "1" + close.repeat(random.nextInt(depth + 1));
    }

    private static String aliasBomb(Random random) {
        StringBuilder text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x]\n");
        int levels = 1 + random.nextInt(10);
        for (int level = 1; level <= levels; level++) {
            text.append("a")
                    .append(level)
                    .append(": &a")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", Collections.nCopies(2 + random.nextInt(8), "*a" + (level - 1))))
                    .append("]\n");
        }
        return text.toString();
    }
}
