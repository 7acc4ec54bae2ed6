package dev.smo.model.internal;

/** Small text helpers for messages and pointers. */
public final class Text {

    private Text() {}

    /** @return the text escaped as one JSON pointer segment ({@code ~} as {@code ~0}, {@code /} as {@code ~1}) */
    public static String escapePointer(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** @return the first line of the text, control characters shown as {@code \\uXXXX}, at most 200 characters */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String first = text.strip().lines().findFirst().orElse("");
        StringBuilder out = new StringBuilder();
        first.codePoints().limit(200).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        String line = out.toString();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /** @return the number of bytes of the text in UTF-8 */
    public static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
