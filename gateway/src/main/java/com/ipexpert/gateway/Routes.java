package com.ipexpert.gateway;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which side answers a request, by method and path. The rule of thumb is CQRS's own: a GET reads (query side),
 * anything else writes (command side). The exceptions are the reads the command side owns (who am I, the user
 * list, the knowledge index's state) and the projection administration, which each side has for its own
 * processors: its list is gathered from both, and a rebuild goes to the side that has the projection.
 */
final class Routes {
    /** How a request is served. */
    sealed interface Route permits ToSide, FromBothSides, ToOwningSide {
    }

    /** One instance of one side. */
    record ToSide(Side side) implements Route {
    }

    /** One instance of each side; their JSON arrays joined. */
    record FromBothSides() implements Route {
    }

    /** The query side first; when it does not know the resource (404), the command side. */
    record ToOwningSide() implements Route {
    }

    private static final String API = "/api/v1";
    private static final List<Pattern> COMMAND_SIDE_READS = List.of(
            Pattern.compile("/auth/me"), Pattern.compile("/users/?"), Pattern.compile("/admin/knowledge(/.*)?"));
    private static final Pattern PROJECTIONS = Pattern.compile("/admin/projections/?");
    private static final Pattern PROJECTION_REBUILD = Pattern.compile("/admin/projections/[^/]+/rebuild/?");

    private Routes() {
    }

    /** The route of a request; null when the path is not part of the API. */
    static Route of(String method, String path) {
        if (!path.equals(API) && !path.startsWith(API + "/")) return null;
        String rest = path.substring(API.length());
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (read && PROJECTIONS.matcher(rest).matches()) return new FromBothSides();
        if (!read && PROJECTION_REBUILD.matcher(rest).matches()) return new ToOwningSide();
        if (read && COMMAND_SIDE_READS.stream().noneMatch(p -> p.matcher(rest).matches())) return new ToSide(Side.QUERY);
        return new ToSide(Side.COMMAND);
    }
}
