package com.ipexpert.edge.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the processing groups (projections) whose read models a web endpoint answers from. Before such an endpoint
 * runs, {@link ReadYourWrites} waits (bounded) until each of them has processed every event stored when the request
 * arrived, so a client reads what it has just written. On a method it replaces what its class says; an empty list
 * means the endpoint reads no projection (the event store itself, the knowledge index).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadsFrom {
    String[] value();
}
