package dev.smo.karmada.artifact.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** The files of an artifact, in memory: every path seen, and the bytes of the YAML files only. */
final class UnpackedFiles {

    private final TreeSet<String> paths = new TreeSet<>();
    private final TreeMap<String, byte[]> yamlFiles = new TreeMap<>();
    private final List<String> skippedLinks = new ArrayList<>();

    static boolean isYaml(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    void addFile(String path, byte[] content) {
        paths.add(path);
        if (content != null) {
            yamlFiles.put(path, content);
        } else {
            yamlFiles.remove(path);
        }
    }

    void addSkippedLink(String path) {
        skippedLinks.add(path);
    }

    /** @return every regular file's path, sorted */
    List<String> paths() {
        return List.copyOf(paths);
    }

    /** @return the YAML files by path, in sorted path order */
    NavigableMap<String, byte[]> yamlFiles() {
        return Collections.unmodifiableNavigableMap(yamlFiles);
    }

    List<String> skippedLinks() {
        return List.copyOf(skippedLinks);
    }

    /** @return whether a {@code Chart.yaml} sits at the root or one directory down, as in a Helm chart */
    boolean looksLikeHelmChart() {
        return paths.stream().anyMatch(p -> p.equals("Chart.yaml") || p.matches("[^/]+/Chart\\.yaml"));
    }
}
