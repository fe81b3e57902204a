package com.ipexpert.retrieval.embed;

/** A query embedded by both models, one vector for each vector field. */
public record QueryVectors(float[] english, float[] chinese) {}
