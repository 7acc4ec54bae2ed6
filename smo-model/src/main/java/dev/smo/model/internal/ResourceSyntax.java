package dev.smo.model.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which {@code compute} values are acceptable: a level of the vocabulary, or a non-negative Kubernetes quantity of
 * the right kind. CPU takes plain numbers, {@code n}, {@code u}, {@code m} or an exponent; memory and storage take
 * every suffix except the sub-unit ones (a trailing {@code m} on memory means thousandths of a byte).
 */
final class ResourceSyntax {

    private static final Pattern QUANTITY =
            Pattern.compile("\\+?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][-+]?\\d{1,2})?");
    private static final Pattern BYTES_WITH_B = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKMGTPE])(i?)[bB]");
    private static final Pattern MILLI_BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)m");

    private ResourceSyntax() {}

    /** @return a message when the value is unacceptable for the resource (cpu, ram or storage) */
    static Optional<String> check(String resource, String value, Set<String> levels, String subject) {
        if (levels.contains(value)
                || (resource.equals("storage") && value.equals("none"))
                || isQuantity(resource, value)) {
            return Optional.empty();
        }
        String example = switch (resource) {
            case "cpu" -> "a CPU quantity like 250m or 0.5";
            case "ram" -> "a memory quantity like 500Mi or 3Gi";
            default -> "a storage quantity like 10G or 3Gi, nor none";
        };
        return Optional.of(subject + " (" + Text.oneLine(value) + ") is neither a resource level " + "("
                + String.join(", ", levels) + ") nor " + example + "." + hint(resource, value, levels));
    }

    static boolean isQuantity(String resource, String value) {
        Matcher matcher = QUANTITY.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        String suffix = matcher.group(1) == null ? "" : matcher.group(1);
        boolean subUnit = suffix.equals("n") || suffix.equals("u") || suffix.equals("m");
        boolean exponent = suffix.startsWith("e") || (suffix.startsWith("E") && suffix.length() > 1);
        if (resource.equals("cpu")) {
            return suffix.isEmpty() || subUnit || exponent;
        }
        return !subUnit;
    }

    private static String hint(String resource, String value, Set<String> levels) {
        String near = Names.maybe(value, levels);
        if (!near.isEmpty()) {
            return near;
        }
        if (resource.equals("cpu")) {
            return "";
        }
        Matcher bytes = BYTES_WITH_B.matcher(value);
        if (bytes.matches()) {
            String prefix = bytes.group(2).equals("K") && bytes.group(3).isEmpty()
                    ? "k"
                    : bytes.group(3).isEmpty() ? bytes.group(2) : bytes.group(2).toUpperCase(Locale.ROOT) + "i";
            return "\nMaybe write (" + bytes.group(1) + prefix + ").";
        }
        Matcher milli = MILLI_BYTES.matcher(value);
        if (milli.matches()) {
            return "\nMaybe write (" + milli.group(1) + "Mi); a trailing m means thousandths of a byte.";
        }
        return "";
    }
}
