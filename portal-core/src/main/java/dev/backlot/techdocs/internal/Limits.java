package dev.backlot.techdocs.internal;

/**
 * The bounds of one docs build, so that a huge, deep or slow document fails its own build with a
 * clear reason and never the portal.
 *
 * @param maxFiles files in the docs folder
 * @param maxFileBytes one file
 * @param maxTotalBytes the whole folder
 * @param maxPageBytes one page's source (rendering cost grows with it)
 * @param maxDepth folder depth, and nesting depth of blocks inside a page
 * @param pageTimeoutMs rendering one page
 * @param buildTimeoutMs the whole build
 */
record Limits(int maxFiles, long maxFileBytes, long maxTotalBytes, long maxPageBytes, int maxDepth, long pageTimeoutMs,
        long buildTimeoutMs) {

    static final Limits DEFAULT = new Limits(5_000, 10L * 1024 * 1024, 100L * 1024 * 1024, 1024 * 1024, 32, 20_000,
            300_000);
}
