package com.ipexpert.retrieval.index;

/** One candidate in one retriever's ranking, best first; {@code key} names the chunk in that retriever. */
public record Ranked<K>(K key, float score) {}
