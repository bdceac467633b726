package dev.backlot.techdocs;

import java.io.Serializable;

/**
 * A heading of a page, for its table of contents and for deep links.
 *
 * @param level 2 to 4 ({@code h2} ... {@code h4}); the page title ({@code h1}) is not listed
 * @param id the anchor, e.g. {@code configuration} in {@code setup/#configuration}
 * @param text the heading's text
 */
public record DocsHeading(int level, String id, String text) implements Serializable {
    private static final long serialVersionUID = 1L;
}
