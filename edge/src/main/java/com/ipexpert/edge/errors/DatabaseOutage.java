package com.ipexpert.edge.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * The database is away (stopped, restarting, unreachable): a request that needed it answers 503 in the API error
 * shape with {@code Retry-After}, not a 500, because nothing is broken that waiting will not mend. The connection pool
 * reconnects once the database is back. Used by the exception handler and, for the filters in front of Spring MVC
 * (rate limits, revoked tokens, API keys), by a filter that wraps them.
 */
public final class DatabaseOutage {
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    /** Seconds a client is asked to wait: the pool tries again at once, a PostgreSQL restart takes a few seconds. */
    public static final long RETRY_AFTER_SECONDS = 5;
    static final String MESSAGE = "The database is not reachable right now; try again shortly";
    /**
     * PostgreSQL's own codes for a connection it dropped or refused: class 08 (connection exception), and
     * 57P01-57P03 (terminated by an administrator's shutdown, a crash shutdown, or "the database system is starting
     * up"). A query that fails for any other reason is not an outage.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    /** Whether this failure, anywhere in its cause chain, is the database being away rather than a fault of ours. */
    public static boolean isCause(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth++ < 32; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof JDBCConnectionException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            // a pooled connection the restart cut, used once more (Bucket4j's rollback): the pool says so without a state
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(java.util.Locale.ROOT).matches(".*connection (is|has been) closed.*")) {
                return true;
            }
        }
        return false;
    }

    static ApiError error() {
        return new ApiError(HttpStatus.SERVICE_UNAVAILABLE.value(), "error",
                new ApiError.Detail(ApiExceptionHandler.SERVICE_UNAVAILABLE, MESSAGE));
    }

    static void logged(Throwable e) {
        // one line, no stack trace: the outage is the operator's news, not a bug
        log.warn("A request failed because the database is not reachable: {}", rootOf(e));
    }

    private static String rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.toString();
    }

    /**
     * Catches an outage thrown by a filter in front of Spring MVC (a rate limit's bucket, a revoked token's row, an
     * API key's hash are all read from the database), which the exception handler never sees.
     */
    public static class Filter extends OncePerRequestFilter {
        private final ApiErrorWriter errors;

        public Filter(ApiErrorWriter errors) {
            this.errors = errors;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (RuntimeException | ServletException e) {
                if (!isCause(e) || response.isCommitted()) throw e;
                logged(e);
                response.resetBuffer();
                response.setHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
                errors.write(response, HttpStatus.SERVICE_UNAVAILABLE.value(), error());
            }
        }
    }
}
