package dev.smo.karmada.artifact.internal;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the tag for a reference that names none: {@code latest} when the repository has it, else the highest
 * semantic version ({@code 1.0.0}, {@code v2.1.0-rc.1}; Helm's {@code _} stands for {@code +}), releases above
 * their pre-releases.
 */
final class TagResolver {

    private static final Pattern SEMVER = Pattern.compile(
            "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z.-]+))?(?:[+_]([0-9A-Za-z._-]+))?");

    private TagResolver() {}

    static Optional<String> choose(List<String> tags) {
        if (tags.contains("latest")) {
            return Optional.of("latest");
        }
        return tags.stream().filter(t -> SEMVER.matcher(t).matches()).max(TagResolver::compare);
    }

    static int compare(String left, String right) {
        Matcher a = SEMVER.matcher(left);
        Matcher b = SEMVER.matcher(right);
        if (!a.matches() || !b.matches()) {
            throw new IllegalArgumentException("Not semantic versions: " + left + ", " + right);
        }
        for (int group = 1; group <= 3; group++) {
            int c = new BigInteger(a.group(group)).compareTo(new BigInteger(b.group(group)));
            if (c != 0) {
                return c;
            }
        }
        String preA = a.group(4);
        String preB = b.group(4);
        if (preA == null || preB == null) {
            int c = Boolean.compare(preA == null, preB == null);
            return c != 0 ? c : left.compareTo(right);
        }
        int c = comparePreRelease(preA.split("\\."), preB.split("\\."));
        return c != 0 ? c : left.compareTo(right);
    }

    private static int comparePreRelease(String[] a, String[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean numA = a[i].matches("\\d+");
            boolean numB = b[i].matches("\\d+");
            int c;
            if (numA && numB) {
                c = new BigInteger(a[i]).compareTo(new BigInteger(b[i]));
            } else if (numA != numB) {
                c = numA ? -1 : 1;
            } else {
                c = a[i].compareTo(b[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
