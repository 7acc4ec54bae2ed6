package dev.smo.intent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact Kubernetes quantities: a decimal number followed by a binary suffix ({@code Ki}…{@code Ei}, powers of
 * 1024), a decimal suffix ({@code n}, {@code u}, {@code m}, {@code k}, {@code M}, {@code G}, {@code T}, {@code P},
 * {@code E}, powers of 1000) or a decimal exponent ({@code 1e3}). {@code 10G} is 10·10⁹ and {@code 1Gi} is 2³⁰.
 */
public final class Quantity {

    private static final Pattern SYNTAX = Pattern.compile(
            "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\\d{1,2}))?");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", BigDecimal.ONE.scaleByPowerOfTen(-9)),
            Map.entry("u", BigDecimal.ONE.scaleByPowerOfTen(-6)),
            Map.entry("m", BigDecimal.ONE.scaleByPowerOfTen(-3)),
            Map.entry("k", BigDecimal.ONE.scaleByPowerOfTen(3)),
            Map.entry("M", BigDecimal.ONE.scaleByPowerOfTen(6)),
            Map.entry("G", BigDecimal.ONE.scaleByPowerOfTen(9)),
            Map.entry("T", BigDecimal.ONE.scaleByPowerOfTen(12)),
            Map.entry("P", BigDecimal.ONE.scaleByPowerOfTen(15)),
            Map.entry("E", BigDecimal.ONE.scaleByPowerOfTen(18)),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
            Map.entry("Ei", BigDecimal.valueOf(1L << 60)));
    private static final String[] BINARY = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
    private static final String[] DECIMAL = {"E", "P", "T", "G", "M", "k"};

    private Quantity() {}

    /**
     * @param text a quantity such as {@code 250m}, {@code 0.5}, {@code 3Gi}, {@code 10G} or {@code 1e3}
     * @return its exact value in base units (cores, bytes)
     * @throws InvalidQuantityException when the text is not a quantity
     */
    public static BigDecimal parse(String text) {
        Matcher matcher = text == null || text.length() > 64 ? null : SYNTAX.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new InvalidQuantityException(
                    text,
                    "Quantity (" + text + ") is not a Kubernetes quantity.\n"
                            + "Maybe write a number with an optional suffix, like 250m, 0.5, 500Mi, 3Gi or 10G.");
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        if (matcher.group(3) != null) {
            return number.scaleByPowerOfTen(Integer.parseInt(matcher.group(3)));
        }
        return number.multiply(SUFFIXES.get(matcher.group(2) == null ? "" : matcher.group(2)));
    }

    /**
     * @param text a CPU quantity such as {@code 250m} or {@code 0.5}
     * @return millicores, rounded up as Kubernetes does
     * @throws InvalidQuantityException when the text is not a quantity, is negative or is too large
     */
    public static long toMillis(String text) {
        return toLong(text, parse(text).movePointRight(3));
    }

    /**
     * @param text a memory or storage quantity such as {@code 500Mi} or {@code 10G}
     * @return bytes, rounded up as Kubernetes does
     * @throws InvalidQuantityException when the text is not a quantity, is negative or is too large
     */
    public static long toBytes(String text) {
        return toLong(text, parse(text));
    }

    private static long toLong(String text, BigDecimal value) {
        if (value.signum() < 0) {
            throw new InvalidQuantityException(
                    text, "Quantity (" + text + ") is negative; a resource request cannot be.");
        }
        try {
            return value.setScale(0, RoundingMode.CEILING).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidQuantityException(text, "Quantity (" + text + ") is too large to request.");
        }
    }

    /**
     * @param millis millicores, not negative
     * @return {@code 500m}, or whole cores such as {@code 2} when exact
     */
    public static String formatMillis(long millis) {
        checkNotNegative(millis);
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
    }

    /**
     * @param bytes bytes, not negative
     * @return the shorter of the largest exact binary suffix ({@code 500Mi}) and the largest exact decimal suffix
     *         ({@code 10G}), binary on a tie; plain bytes when neither divides exactly
     */
    public static String formatBytes(long bytes) {
        checkNotNegative(bytes);
        if (bytes == 0) {
            return "0";
        }
        String binary = withLargestSuffix(bytes, BINARY, true);
        String decimal = withLargestSuffix(bytes, DECIMAL, false);
        return decimal.length() < binary.length() ? decimal : binary;
    }

    private static String withLargestSuffix(long bytes, String[] suffixes, boolean binary) {
        for (int i = 0; i < suffixes.length; i++) {
            long unit = binary
                    ? 1L << (10 * (suffixes.length - i))
                    : SUFFIXES.get(suffixes[i]).longValueExact();
            if (bytes % unit == 0) {
                return bytes / unit + suffixes[i];
            }
        }
        return Long.toString(bytes);
    }

    private static void checkNotNegative(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Quantity value (" + value + ") must not be negative.");
        }
    }
}
