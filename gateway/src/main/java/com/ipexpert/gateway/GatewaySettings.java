package com.ipexpert.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Settings under {@code ipexpert.gateway}.
 *
 * @param commandSide    base URLs of the command-side instances (comma separated in the environment)
 * @param querySide      base URLs of the query-side instances
 * @param connectTimeout how long to wait for an instance to accept a connection before trying the next
 * @param readTimeout    how long a (non-streaming) answer may take to start
 * @param downFor        how long an instance that refused a connection is left out of the rotation
 */
@ConfigurationProperties("ipexpert.gateway")
public record GatewaySettings(List<URI> commandSide, List<URI> querySide,
                              @DefaultValue("1s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout,
                              @DefaultValue("5s") Duration downFor) {
    public GatewaySettings {
        commandSide = commandSide == null ? List.of() : List.copyOf(commandSide);
        querySide = querySide == null ? List.of() : List.copyOf(querySide);
    }

    List<URI> instancesOf(Side side) {
        return side == Side.COMMAND ? commandSide : querySide;
    }
}
