package dev.smo.karmada.artifact.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/** Checks archive entry names and link targets so nothing can point outside the artifact. */
final class EntryPaths {

    private EntryPaths() {}

    /**
     * @param name the entry name as stored in the archive
     * @return the name relative to the artifact root, without {@code ./} or empty segments
     * @throws UnsafeArtifactException for absolute names, {@code ..} segments, backslashes or NUL characters
     */
    static String safeName(String name) {
        if (name.isEmpty()) {
            throw new UnsafeArtifactException("An archive entry has an empty name.");
        }
        if (name.indexOf('\0') >= 0) {
            throw new UnsafeArtifactException("The archive entry (" + printable(name) + ") has a NUL in its name.");
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("(?s)^[A-Za-z]:.*")) {
            throw new UnsafeArtifactException("The archive entry (" + printable(name)
                    + ") has an absolute path; refused (it would be written outside the artifact).");
        }
        if (name.indexOf('\\') >= 0) {
            throw new UnsafeArtifactException("The archive entry (" + printable(name)
                    + ") has a backslash in its name; refused (a Windows path separator could climb out).");
        }
        StringBuilder clean = new StringBuilder();
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                throw new UnsafeArtifactException("The archive entry (" + printable(name)
                        + ") has a '..' segment; refused (path traversal out of the artifact).");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (clean.length() > 0) {
                clean.append('/');
            }
            clean.append(segment);
        }
        return clean.toString();
    }

    /**
     * @param entry the safe name of the link entry
     * @param target the link target as stored
     * @param symbolic whether it is a symbolic link (resolved from the entry's directory) or a hard link (from the
     *        archive root)
     * @return whether the target stays inside the artifact
     */
    static boolean staysInside(String entry, String target, boolean symbolic) {
        if (target.isEmpty()
                || target.startsWith("/")
                || target.indexOf('\\') >= 0
                || target.indexOf('\0') >= 0
                || target.matches("(?s)^[A-Za-z]:.*")) {
            return false;
        }
        Deque<String> stack = new ArrayDeque<>();
        if (symbolic) {
            String[] parts = entry.replaceAll("/+$", "").split("/", -1);
            for (int i = 0; i < parts.length - 1; i++) {
                stack.addLast(parts[i]);
            }
        }
        for (String segment : target.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (stack.isEmpty()) {
                    return false;
                }
                stack.removeLast();
            } else {
                stack.addLast(segment);
            }
        }
        return true;
    }

    static String printable(String name) {
        String shown = name.replace("\0", "\\0");
        return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    }
}
