package dev.backlot.plugins.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleException;

/** Turns the framework's exceptions into sentences a plugin author can act on. */
final class BundleProblems {

    private static final Pattern MISSING_PACKAGE = Pattern.compile(
            "osgi\\.wiring\\.package; \\(&?\\(?osgi\\.wiring\\.package=([^)]+)\\)((?:\\((?:!\\()?version[^)]*\\)\\)?)*)");
    private static final Pattern LOWER = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern UPPER = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");

    private BundleProblems() {
    }

    static String describe(Throwable failure) {
        if (failure instanceof BundleException e) {
            String message = String.valueOf(e.getMessage());
            if (e.getType() == BundleException.RESOLVE_ERROR || message.contains("missing requirement")) {
                List<String> missing = missingPackages(message);
                return missing.isEmpty() ? "Cannot resolve: " + message
                        : "Cannot resolve: missing " + String.join(", ", missing)
                                + " (neither the portal nor another bundle exports it)";
            }
            if (e.getType() == BundleException.ACTIVATOR_ERROR && e.getCause() != null) {
                return "The bundle's activator failed: " + summary(e.getCause());
            }
            if (e.getType() == BundleException.MANIFEST_ERROR) {
                return "Invalid bundle manifest: " + message;
            }
            return message;
        }
        return summary(failure);
    }

    /** "package com.example.missing [1.0.0,2.0.0)" for each missing import in a resolver message. */
    static List<String> missingPackages(String message) {
        List<String> out = new ArrayList<>();
        Matcher m = MISSING_PACKAGE.matcher(message);
        while (m.find()) {
            String range = "";
            Matcher lower = LOWER.matcher(m.group(2));
            Matcher upper = UPPER.matcher(m.group(2));
            String from = lower.find() ? lower.group(1) : null;
            String to = upper.find() ? upper.group(1) : null;
            if (from != null || to != null) {
                range = " [" + (from == null ? "0.0.0" : from) + "," + (to == null ? "∞" : to) + ")";
            }
            String entry = "package " + m.group(1) + range;
            if (!out.contains(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    private static String summary(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
