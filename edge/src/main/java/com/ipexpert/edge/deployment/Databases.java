package com.ipexpert.edge.deployment;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which database a connection leads to, where the two deployments differ (PostgreSQL, or the embedded H2). */
public final class Databases {
    private Databases() {
    }

    /** Whether {@code connection} is to PostgreSQL, by the product name its driver reports. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** Whether {@code dataSource} leads to PostgreSQL; false when no connection can be had to ask. */
    public static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return isPostgres(c);
        } catch (SQLException e) {
            return false;
        }
    }
}
