package dev.backlot.techdocs.internal;

import java.io.IOException;

/**
 * Where a build reads the files of a docs folder from: the disk ({@link #local}), a git repository
 * ({@link GitDocs}) or a plain web server ({@link HttpDocs}). Called on the docs lane, once per build.
 */
@FunctionalInterface
interface DocsSource {

    /**
     * Reads the folder within the limits.
     *
     * @throws DocsFolder.Unreadable when the folder cannot be read or breaks a limit; the build fails with the message
     */
    DocsFolder read(Limits limits, BuildLog log) throws IOException, DocsFolder.Unreadable;

    /** A folder on disk, already checked against the file roots. */
    static DocsSource local(java.nio.file.Path root) {
        return (limits, log) -> DocsFolder.read(root, limits, log);
    }
}
