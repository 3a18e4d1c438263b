package uk.supervision.integrity;

import java.util.List;
import java.util.Optional;

/**
 * Rebuilds a signed item's canonical content from the rows it was made from, exactly as at locking, so
 * verification sees a change to those rows as well as a change to the snapshot itself.
 */
public interface SignedContentSource {
    List<String> itemTypes();

    Optional<String> liveContent(String itemType, String itemId);
}
