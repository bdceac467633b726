package dev.backlot.catalog.internal.read;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * What a crawl remembers of a file or url whose entities may be kept as they are next time: the hash
 * of its content and the Location entities that led to it.
 *
 * <p>Only a leaf is stamped: a document that declares no Location entity, includes nothing through
 * placeholders and read without error. The next crawl that finds the same content reached through
 * the same parents does not parse it again ({@link CrawlResult#unchanged()}), and the catalog keeps
 * its entities as stored.
 *
 * @param hash the SHA-256 of the content, Base64
 * @param parents the parents its entities were given, sorted
 */
public record FileStamp(String hash, List<String> parents) {

    public FileStamp {
        parents = parents.stream().sorted().toList();
    }

    static String hashOf(byte[] content) {
        try {
            return Base64.getEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static String hashOf(String text) {
        return hashOf(text.getBytes(StandardCharsets.UTF_8));
    }
}
