package dev.backlot.techdocs.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The log of one build: what it did and every warning, bounded so that a document producing a flood
 * of warnings cannot fill the memory or the status file. Thread-safe: the SSE sync endpoint reads it
 * while the build writes.
 */
final class BuildLog {

    static final int MAX_LINES = 500;

    private final List<String> lines = new ArrayList<>();
    private int dropped;
    private int warnings;

    synchronized void info(String line) {
        add(line);
    }

    synchronized void warn(String line) {
        warnings++;
        add("warning: " + line);
    }

    private void add(String line) {
        if (lines.size() < MAX_LINES) {
            lines.add(line.length() > 500 ? line.substring(0, 500) + "..." : line);
        } else {
            dropped++;
        }
    }

    synchronized List<String> lines() {
        List<String> out = new ArrayList<>(lines);
        if (dropped > 0) {
            out.add("... " + dropped + " more lines left out");
        }
        return out;
    }

    synchronized int warnings() {
        return warnings;
    }
}
