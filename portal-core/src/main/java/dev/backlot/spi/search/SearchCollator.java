package dev.backlot.spi.search;

import java.util.stream.Stream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies all documents of one type to the index, implemented by plugin bundles.
 *
 * <p><b>When called:</b> at each indexing run of its type; the returned documents replace the
 * type's previous set. The stream is consumed and closed by the portal within one call.
 * An exception keeps the previous set and is shown in the admin console.
 */
@ConsumerType
public interface SearchCollator {

    /** The document type, e.g. {@code software-catalog}; one collator per type wins by ranking. */
    String type();

    /** Every document of the type, in any order. */
    Stream<SearchDocument> documents() throws Exception;
}
