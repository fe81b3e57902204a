package com.ipexpert.console;

import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

/**
 * Which requests belong to the web console: every GET or HEAD outside the API's own prefixes. These are the paths
 * security must let through without a token (the console's files and its client-side routes, which fall back to
 * index.html); everything under the prefixes below keeps the API's rules.
 */
public final class ConsolePaths {
    /** Prefixes that are never the console's: the API, actuator, the OpenAPI description and Swagger UI, errors. */
    public static final List<String> NOT_CONSOLE = List.of("/api/", "/actuator", "/swagger-ui", "/v3/api-docs", "/error");

    private ConsolePaths() {
    }

    public static boolean isConsole(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) return false;
        return isConsolePath(request.getRequestURI().substring(request.getContextPath().length()));
    }

    public static boolean isConsolePath(String path) {
        if (path.equals("/api")) return false;
        return NOT_CONSOLE.stream().noneMatch(path::startsWith);
    }
}
