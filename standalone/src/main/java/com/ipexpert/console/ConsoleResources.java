package com.ipexpert.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

import java.io.IOException;
import java.time.Duration;

/**
 * Serves the web console (built into classpath:/console/ by the console module) from the API's own origin.
 * A path that names no file and looks like a client-side route (no file extension) answers index.html, so
 * /cases/42 survives a reload; API paths never fall back and keep answering the API's 404.
 */
@Configuration
public class ConsoleResources implements WebMvcConfigurer {
    static final String LOCATION = "classpath:/console/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // hashed by the build: safe to keep for a year
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new PathResourceResolver());
        registry.addResourceHandler("/**")
                .addResourceLocations(LOCATION)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new ApplicationFallback());
    }

    /** The file when there is one; index.html for a client-side route; nothing for API paths and missing files. */
    static final class ApplicationFallback extends PathResourceResolver {
        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            String path = "/" + resourcePath;
            if (!ConsolePaths.isConsolePath(path)) return null;
            Resource file = super.getResource(resourcePath, location);
            if (file != null) return file;
            String last = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
            if (last.contains(".")) return null;
            Resource index = new ClassPathResource("console/index.html");
            return index.exists() ? index : null;
        }
    }
}
