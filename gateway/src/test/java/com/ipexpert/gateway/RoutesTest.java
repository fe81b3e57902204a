package com.ipexpert.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTest {

    @Test
    void the_same_path_goes_to_the_command_side_to_write_and_to_the_query_side_to_read() {
        assertThat(Routes.of("POST", "/api/v1/cases")).isEqualTo(new Routes.ToSide(Side.COMMAND));
        assertThat(Routes.of("GET", "/api/v1/cases")).isEqualTo(new Routes.ToSide(Side.QUERY));
        assertThat(Routes.of("DELETE", "/api/v1/knowledge/documents/d1")).isEqualTo(new Routes.ToSide(Side.COMMAND));
        assertThat(Routes.of("GET", "/api/v1/knowledge/documents/d1")).isEqualTo(new Routes.ToSide(Side.QUERY));
        assertThat(Routes.of("PUT", "/api/v1/knowledge/documents/d1/reparse")).isEqualTo(new Routes.ToSide(Side.COMMAND));
    }

    @Test
    void live_streams_searches_and_audit_are_read_on_the_query_side() {
        assertThat(Routes.of("GET", "/api/v1/cases/c1/stream")).isEqualTo(new Routes.ToSide(Side.QUERY));
        assertThat(Routes.of("GET", "/api/v1/knowledge/search")).isEqualTo(new Routes.ToSide(Side.QUERY));
        assertThat(Routes.of("GET", "/api/v1/audit/cases/c1/verify")).isEqualTo(new Routes.ToSide(Side.QUERY));
    }

    @Test
    void the_reads_the_command_side_owns_go_there() {
        assertThat(Routes.of("GET", "/api/v1/auth/me")).isEqualTo(new Routes.ToSide(Side.COMMAND));
        assertThat(Routes.of("POST", "/api/v1/auth/login")).isEqualTo(new Routes.ToSide(Side.COMMAND));
        assertThat(Routes.of("GET", "/api/v1/users")).isEqualTo(new Routes.ToSide(Side.COMMAND));
        assertThat(Routes.of("GET", "/api/v1/admin/knowledge/index")).isEqualTo(new Routes.ToSide(Side.COMMAND));
    }

    @Test
    void projections_are_listed_from_both_sides_and_rebuilt_where_they_live() {
        assertThat(Routes.of("GET", "/api/v1/admin/projections")).isEqualTo(new Routes.FromBothSides());
        assertThat(Routes.of("POST", "/api/v1/admin/projections/case-graph/rebuild")).isEqualTo(new Routes.ToOwningSide());
    }

    @Test
    void paths_outside_the_api_are_not_routed() {
        assertThat(Routes.of("GET", "/api/v2/cases")).isNull();
        assertThat(Routes.of("GET", "/api/v1cases")).isNull();
    }
}
