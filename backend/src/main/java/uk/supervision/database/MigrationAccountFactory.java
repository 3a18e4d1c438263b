package uk.supervision.database;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

@Factory
class MigrationAccountFactory {
    /**
     * SUPERVISION_DB_MIGRATION_USER / _PASSWORD when set; otherwise the datasource's own account, which on
     * the embedded H2 default is its administrator (the application then connects as a restricted user),
     * and on MySQL/MariaDB is the application's account itself: nothing is then enforced by the database.
     */
    @Singleton
    MigrationAccount migrationAccount(@Value("${datasources.default.url}") String url,
                                      @Value("${datasources.default.username:}") String user,
                                      @Value("${datasources.default.password:}") String password,
                                      @Value("${supervision.database.migration-user:}") String migrationUser,
                                      @Value("${supervision.database.migration-password:}") String migrationPassword) {
        boolean embedded = url.startsWith("jdbc:h2:");
        if (migrationUser != null && !migrationUser.isBlank()) {
            return new MigrationAccount(url, migrationUser, migrationPassword == null ? "" : migrationPassword, true);
        }
        String admin = user == null || user.isBlank() ? (embedded ? "sa" : "") : user;
        return new MigrationAccount(url, admin, password == null ? "" : password, embedded);
    }
}
