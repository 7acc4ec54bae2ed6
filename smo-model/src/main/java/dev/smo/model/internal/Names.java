package dev.smo.model.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** DNS-1123 label checks and "did you mean" suggestions by edit distance. */
public final class Names {

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private Names() {}

    /** @return whether the name is a DNS-1123 label of at most {@code maxLength} characters */
    public static boolean isDns1123Label(String name, int maxLength) {
        return name.length() <= maxLength && DNS_1123_LABEL.matcher(name).matches();
    }

    /** @return the name lowercased, other characters replaced by '-', trimmed and cut to {@code maxLength} */
    public static String toDns1123Label(String name, int maxLength) {
        String label = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        if (label.length() > maxLength) {
            label = label.substring(0, maxLength);
        }
        return label.replaceAll("^-+|-+$", "");
    }

    /** @return the candidate closest to the name when it is close enough to be a likely typo */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate == null || candidate.equals(name)) {
                continue;
            }
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.min(3, name.length() / 3));
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** @return "\nMaybe you meant (x)." for the nearest candidate, or the empty string */
    public static String maybe(String name, Collection<String> candidates) {
        return nearest(name, candidates)
                .map(found -> "\nMaybe you meant (" + found + ").")
                .orElse("");
    }

    /** @return the optimal-string-alignment distance: insertions, deletions, substitutions and transpositions */
    static int distance(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
