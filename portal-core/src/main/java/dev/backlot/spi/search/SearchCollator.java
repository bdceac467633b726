package dev.backlot.spi.search;

import java.util.stream.Stream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies all documents of one type to the index, implemented by plugin bundles.
 *
 * <p><b>When called:</b> at each indexing run of its type (when it is registered or updated, on
 * the portal's rebuild schedule, from the admin console), on a background thread with a time limit
 * of five minutes; the returned documents replace the type's previous set in one step. The stream is consumed and closed by the portal within one call.
 * An exception keeps the previous set and is shown in the admin console.
 */
@ConsumerType
public interface SearchCollator {

    /** The document type, e.g. {@code software-catalog}; one collator per type wins by ranking. */
    String type();

    /** Every document of the type, in any order. */
    Stream<SearchDocument> documents() throws Exception;

    /**
     * Every document of the type, for collators that need the catalog, the portal's settings or
     * files and URLs (see {@link CollatorContext}); the portal calls this one. By default it returns
     * {@link #documents()}.
     *
     * @since 0.2.0
     */
    default Stream<SearchDocument> documents(CollatorContext context) throws Exception {
        return documents();
    }
}
