package uk.supervision.support;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Settings of the MySQL driver (mysql-connector-j, also used for MariaDB) that save round trips on every
 * request (docs/decisions/0020): the driver remembers the session's auto-commit and read-only state instead
 * of asking or re-sending it, and keeps each connection's parsed statements. Added only for a jdbc:mysql: or
 * jdbc:mariadb: URL (H2 refuses settings it does not know); a value set in configuration wins. Runs before any
 * other listener that reads the pool's settings.
 */
@Singleton
@Order(-100)
public class MySqlDriverSettings implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final Map<String, String> SETTINGS = Map.of(
            "useLocalSessionState", "true",
            "useLocalTransactionState", "true",
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "250",
            "prepStmtCacheSqlLimit", "2048",
            "cacheServerConfiguration", "true",
            "cacheResultSetMetadata", "true");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getJdbcUrl() == null ? config.getUrl() : config.getJdbcUrl();
        if (url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"))) {
            SETTINGS.forEach((k, v) -> {
                if (!config.getDataSourceProperties().containsKey(k)) {
                    config.addDataSourceProperty(k, v);
                }
            });
        }
        return config;
    }
}
