package dev.backlot.techdocs;

import java.util.Objects;

/**
 * A file of a built site as the static API serves it: a page (wrapped as a small HTML document),
 * an image or other asset, or {@code techdocs_metadata.json}.
 *
 * @param contentType e.g. {@code text/html; charset=utf-8}, {@code image/png}
 * @param bytes the content
 * @param etag changes when the site is rebuilt from changed sources
 */
public record DocsFile(String contentType, byte[] bytes, String etag) {
    public DocsFile {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
