package dev.backlot.catalog.internal.read;

/**
 * Reads the bytes of one location, enforcing a {@link ReadPolicy}. {@link PolicyFetcher} is the
 * implementation; tests and callers with their own transport may supply another.
 */
@FunctionalInterface
public interface Fetcher {

    /**
     * Reads a file or url target in full.
     *
     * @param ref an absolute location: a normalised path for {@code file}, an absolute URL for {@code url}
     * @return the content, never more than the policy's {@code maxFileBytes}
     * @throws ReadException when the policy refuses the target, it is missing, too large, or not readable
     */
    byte[] fetch(LocationRef ref) throws ReadException;
}
