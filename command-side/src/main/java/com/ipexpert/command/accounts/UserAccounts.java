package com.ipexpert.command.accounts;

import com.ipexpert.edge.security.AuthenticatedUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The people who may log in: username, e-mail, BCrypt password hash and roles, in table {@code user_account}. */
@Repository
public class UserAccounts {
    private final JdbcClient jdbc;

    public UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Account(String id, String username, String email, String passwordHash, List<String> roles,
                          Instant createdAt) {
        public AuthenticatedUser user() {
            return new AuthenticatedUser(id, username, email, roles);
        }
    }

    public Optional<Account> byUsername(String username) {
        return jdbc.sql("select id, username, email, password_hash, roles, created_at from user_account where username = ?")
                .param(username).query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Arrays.asList(rs.getString(5).split(",")), rs.getTimestamp(6).toInstant()))
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql("select id, username, email, password_hash, roles, created_at from user_account order by created_at, username")
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Arrays.asList(rs.getString(5).split(",")), rs.getTimestamp(6).toInstant()))
                .list();
    }

    public boolean anyWithRole(String role) {
        return all().stream().anyMatch(a -> a.roles().contains(role));
    }

    /** Adds an account; false when the username is taken. */
    public boolean add(Account account) {
        if (byUsername(account.username()).isPresent()) return false;
        try {
            jdbc.sql("insert into user_account (id, username, email, password_hash, roles, created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(account.id(), account.username(), account.email(), account.passwordHash(),
                            String.join(",", account.roles()), Timestamp.from(account.createdAt()))
                    .update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }
}
