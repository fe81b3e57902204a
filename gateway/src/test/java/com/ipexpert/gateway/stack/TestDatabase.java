package com.ipexpert.gateway.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh PostgreSQL database on the server at 127.0.0.1:5432 (trust auth) or the one {@code IPEXPERT_TEST_DB_URL}
 * names (a JDBC URL of the server without a database name); fails loudly when no server answers.
 */
public final class TestDatabase {
    private static final String SERVER = System.getenv().getOrDefault("IPEXPERT_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("IPEXPERT_TEST_DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("IPEXPERT_TEST_DB_PASSWORD", "");

    private TestDatabase() {
    }

    public static String create(String prefix) {
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        String base = SERVER.endsWith("/") ? SERVER : SERVER + "/";
        try (Connection c = DriverManager.getConnection(base + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("The tests need a PostgreSQL server at " + base + " (user " + USER
                    + "); none answered: " + e.getMessage() + ". Start one, or point IPEXPERT_TEST_DB_URL at one.", e);
        }
        return base + name;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }
}
