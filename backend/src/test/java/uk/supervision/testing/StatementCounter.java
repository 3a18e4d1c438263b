package uk.supervision.testing;

import com.zaxxer.hikari.util.DriverDataSource;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Counts the SQL statements the service sends, on H2 and on MariaDB alike: the pool's connections come from
 * a data source that wraps each statement, so {@code PerRequestStatementsTest} can say how many statements
 * one request costs and fail when a change adds more. Counts every statement of the application's pool
 * (the migration account's Flyway run is not counted). Only in a test context that sets {@link #ENABLED}, so the
 * other tests run on the pool exactly as the service does.
 */
@Singleton
@Requires(property = StatementCounter.ENABLED, value = "true")
public class StatementCounter implements BeanCreatedEventListener<DatasourceConfiguration> {
    public static final String ENABLED = "supervision.test.count-statements";
    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final List<String> SQL = Collections.synchronizedList(new ArrayList<>());
    /** The pool's liveness check of a connection idle for over half a second (MySQL/MariaDB: "SELECT 1"): not the request's. */
    private static volatile String poolCheck;

    /** Statements sent since the last reset. */
    public static int count() {
        return COUNT.get();
    }

    /** The text of the statements sent since the last reset (prepared ones; plain statements by their text). */
    public static List<String> statements() {
        synchronized (SQL) {
            return List.copyOf(SQL);
        }
    }

    public static void reset() {
        synchronized (SQL) {
            COUNT.set(0);
            SQL.clear();
        }
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        poolCheck = config.getConnectionTestQuery();
        // The real data source is made at the first connection, from the settings in force then: the product's own
        // listener (DatabaseSetup) may change the account and address after this one ran, in either order.
        config.setDataSource(new Counting(() -> new DriverDataSource(config.getJdbcUrl(), config.getDriverClassName(),
                config.getDataSourceProperties(), config.getUsername(), config.getPassword())));
        return config;
    }

    private static void executed(String sql) {
        if (sql != null && (sql.equals(poolCheck) || sql.equals("SELECT 1"))) {
            return;
        }
        synchronized (SQL) {
            COUNT.incrementAndGet();
            SQL.add(sql);
        }
    }

    private static Object proxy(Class<?> type, Object target, InvocationHandler handler) {
        return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[]{type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Connection connection(Connection real) {
        return (Connection) proxy(Connection.class, real, (p, method, args) -> {
            Object result = invoke(real, method, args);
            if (result instanceof Statement && (method.getName().startsWith("prepare") || method.getName().equals("createStatement"))) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                Class<?> type = method.getReturnType();
                Statement statement = (Statement) result;
                return proxy(type, statement, (sp, m, a) -> {
                    if (EXECUTE.contains(m.getName())) {
                        executed(a != null && a.length > 0 && a[0] instanceof String text ? text : sql);
                    }
                    return invoke(statement, m, a);
                });
            }
            return result;
        });
    }

    private static final class Counting implements DataSource {
        private final java.util.function.Supplier<DataSource> make;
        private volatile DataSource made;

        Counting(java.util.function.Supplier<DataSource> make) {
            this.make = make;
        }

        private synchronized DataSource real() {
            if (made == null) {
                made = make.get();
            }
            return made;
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return connection(real().getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            return connection(real().getConnection(username, password));
        }

        @Override
        public PrintWriter getLogWriter() throws java.sql.SQLException {
            return real().getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws java.sql.SQLException {
            real().setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws java.sql.SQLException {
            real().setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws java.sql.SQLException {
            return real().getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return real().getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
            return real().unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws java.sql.SQLException {
            return real().isWrapperFor(iface);
        }
    }
}
