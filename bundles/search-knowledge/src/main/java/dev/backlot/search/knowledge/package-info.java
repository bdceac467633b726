/**
 * Knowledge from outside the portal in the same search results ("your plugins, wiki, or even
 * Stack Overflow"): {@link dev.backlot.search.knowledge.QuestionsCollator} reads a Stack Exchange
 * data export's {@code Posts.xml} (type {@code qna}), {@link dev.backlot.search.knowledge.WikiCollator}
 * Markdown and HTML pages (type {@code wiki}). Both read through the portal's
 * {@link dev.backlot.spi.search.CollatorContext}, so the catalog's file roots and URL allow-list apply.
 *
 * <p>Settings ({@code PORTAL_SEARCH_KNOWLEDGE_*}): {@code portal.search.knowledge.posts} (a file or URL of
 * Posts.xml) with {@code portal.search.knowledge.posts.site} (the Q&amp;A site's address, for links);
 * {@code portal.search.knowledge.wiki} (comma-separated folders, files or URLs) with
 * {@code portal.search.knowledge.wiki.site} (the wiki's address, for links to pages read from files).
 */
package dev.backlot.search.knowledge;
