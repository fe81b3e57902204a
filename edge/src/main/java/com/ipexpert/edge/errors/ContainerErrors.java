package com.ipexpert.edge.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat answers some requests before Spring sees them (a request line or headers larger than its buffer, a URI it
 * cannot parse). Its own error page is HTML; this replaces the host's error report valve with one that writes the
 * API error shape, and tells an oversized request line (414) from oversized headers (431).
 */
@Configuration
public class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonContainerErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // the host adds an ErrorReportValve of this class at start unless one is present: ours is
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                boolean present = false;
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof JsonErrorReportValve) present = true;
                }
                if (!present) host.getPipeline().addValve(new JsonErrorReportValve());
            }
        });
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ApiErrorWriter errors,
            org.springframework.beans.factory.ObjectProvider<JsonBodyAllowance> allowances) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new RequestBodyLimit(errors, allowances.orderedStream().toList()));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Outermost but for the correlation id: an outage met by any filter behind it (security, rate limits) is a 503. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<DatabaseOutage.Filter> databaseOutageFilter(ApiErrorWriter errors) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new DatabaseOutage.Filter(errors));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** JSON nested deeper than 64 levels is refused while it is parsed, before it can exhaust the stack. */
    @Bean
    org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer jsonReadLimits() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(64).build()));
    }

    /** Writes {@code {code, status: "error", error: {type, message}}} for any error Tomcat itself reports. */
    public static class JsonErrorReportValve extends ErrorReportValve {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final String TOO_LARGE = "Request header is too large";

        public JsonErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
            Throwable cause = throwable != null ? throwable
                    : (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            ApiError body;
            if (status == 400 && cause != null && TOO_LARGE.equals(cause.getMessage())) {
                // the request line is parsed first: without a URI, it was the line (URL) that did not fit
                boolean lineParsed = !request.getCoyoteRequest().requestURI().isNull();
                if (lineParsed) {
                    status = 431;
                    body = new ApiError(431, "error", new ApiError.Detail("HEADER_TOO_LARGE",
                            "The request headers are larger than the server accepts"));
                } else {
                    status = 414;
                    body = new ApiError(414, "error", new ApiError.Detail("URI_TOO_LONG",
                            "The request URL is longer than the server accepts"));
                }
            } else {
                body = ApiErrors.forStatus(status, null);
            }
            try {
                response.setStatus(status);
                response.setContentType("application/json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                byte[] bytes = JSON.writeValueAsBytes(body);
                response.setContentLength(bytes.length);
                OutputStream out = response.getOutputStream();
                out.write(bytes);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client has gone; nothing more to say
            }
        }
    }
}
