package uk.supervision.integrity;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Insert and read only: the database grants the application nothing else on signed_item. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SignedItemRepository extends GenericRepository<SignedItem, String> {
    SignedItem save(SignedItem item);

    Optional<SignedItem> findByItemTypeAndItemId(String itemType, String itemId);

    List<SignedItem> findByItemTypeAndItemIdIn(String itemType, Collection<String> itemIds);
}
