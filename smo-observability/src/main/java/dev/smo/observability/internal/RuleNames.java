package dev.smo.observability.internal;

import java.util.regex.Pattern;

/** Checks namespaces and group names before they become file or object names. */
final class RuleNames {

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private RuleNames() {}

    /**
     * @param namespace a namespace that becomes the first part of a file name
     * @return the namespace
     * @throws IllegalArgumentException unless it is a DNS-1123 label without {@code --}
     */
    static String fileNamespace(String namespace) {
        if (namespace == null
                || namespace.length() > 63
                || !DNS_1123_LABEL.matcher(namespace).matches()
                || namespace.contains("--")) {
            throw new IllegalArgumentException("The namespace (" + namespace + ") is not a DNS-1123 label without"
                    + " \"--\", so it cannot name a rule file.\nMaybe use lower-case letters, digits and single '-'.");
        }
        return namespace;
    }

    /**
     * @param group a group name that becomes the second part of a file name
     * @return the group
     * @throws IllegalArgumentException unless it is letters, digits, {@code -_.} (no {@code ..}), at most 180 long
     */
    static String fileGroup(String group) {
        if (group == null || group.length() > 180 || !GROUP.matcher(group).matches() || group.contains("..")) {
            throw new IllegalArgumentException("The group (" + group + ") cannot name a rule file.\nMaybe use"
                    + " letters, digits, '-', '_' and '.', starting and ending with a letter or digit.");
        }
        return group;
    }

    /**
     * @param name an object name
     * @param what what the name is of, for the message
     * @return the name
     * @throws IllegalArgumentException unless it is a DNS-1123 subdomain
     */
    static String objectName(String name, String what) {
        if (name == null
                || name.length() > 253
                || !DNS_1123_SUBDOMAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("The " + what + " (" + name + ") is not a DNS-1123 subdomain, so it"
                    + " cannot name a Kubernetes object.\nMaybe use lower-case letters, digits, '-' and '.'.");
        }
        return name;
    }
}
