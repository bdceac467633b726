package dev.backlot.plugins.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * The bundles whose services the registry leaves out (being staged, stopped or retired). The set is
 * replaced, never mutated, so a reader takes one consistent snapshot and {@link #switchServing}
 * changes which of two bundles serves in a single write.
 */
public final class HiddenBundles {

    private volatile Set<Long> hidden = Set.of();
    private volatile Runnable onChange = () -> { };

    /** Called after every change (the host turns it into extension events). */
    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** The current set, to filter one look-up consistently. */
    Set<Long> snapshot() {
        return hidden;
    }

    public boolean contains(long bundleId) {
        return hidden.contains(bundleId);
    }

    /** Stops serving the bundle's services (they stay registered). */
    public synchronized void hide(long bundleId) {
        Set<Long> next = new HashSet<>(hidden);
        next.add(bundleId);
        hidden = Set.copyOf(next);
        onChange.run();
    }

    /** Serves the bundle's services again. */
    public synchronized void unhide(long bundleId) {
        Set<Long> next = new HashSet<>(hidden);
        next.remove(bundleId);
        hidden = Set.copyOf(next);
        onChange.run();
    }

    /** In one write, stops serving {@code from} (none when negative) and starts serving {@code to}. */
    public synchronized void switchServing(long from, long to) {
        Set<Long> next = new HashSet<>(hidden);
        if (from >= 0) {
            next.add(from);
        }
        next.remove(to);
        hidden = Set.copyOf(next);
        onChange.run();
    }
}
