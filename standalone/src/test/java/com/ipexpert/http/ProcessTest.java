package com.ipexpert.http;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that runs the application as processes of its own ({@link ApplicationProcess}), on its own database
 * and data directory. Such classes share nothing with the rest of the suite or with each other, and spend most of
 * their time waiting on those processes, so the build runs them in a surefire execution of their own
 * ({@code process-tests}, after packaging), two classes at a time; the methods of a class run one after the other.
 * They start the packaged application as the README's run command does (the extracted jar with its class data
 * archive), or the classpath when there is none.
 * (Three at a time, or the two methods of {@code BackupRestoreTest} side by side, made each slower and the whole no
 * shorter on 2 cores.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(ProcessTest.TAG)
@interface ProcessTest {
    String TAG = "application-process";
}
