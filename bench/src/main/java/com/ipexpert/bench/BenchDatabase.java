package com.ipexpert.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A fresh PostgreSQL database for one benchmark run, on the server the arguments name
 * ({@code server=jdbc:postgresql://127.0.0.1:5432/ user=postgres password=}); {@code db-prefix=} goes before its name.
 */
public record BenchDatabase(String server, String name, String user, String password) {

    public static BenchDatabase fresh(Map<String, String> opts, String prefix) throws SQLException {
        String server = opts.getOrDefault("server", "jdbc:postgresql://127.0.0.1:5432/");
        BenchDatabase db = new BenchDatabase(server, opts.getOrDefault("db-prefix", "") + prefix + "_" + Long.toHexString(System.currentTimeMillis()),
                opts.getOrDefault("user", "postgres"), opts.getOrDefault("password", ""));
        try (Connection c = DriverManager.getConnection(server + "postgres", db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("create database " + db.name());
        }
        return db;
    }

    public String url() {
        return server + name;
    }

    /** The application's datasource settings as command-line arguments, followed by {@code more}. */
    public String[] springArguments(String... more) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("--spring.datasource.url=" + url(),
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password));
        all.addAll(java.util.List.of(more));
        return all.toArray(String[]::new);
    }
}
