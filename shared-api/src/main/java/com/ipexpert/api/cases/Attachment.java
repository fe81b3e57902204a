package com.ipexpert.api.cases;

/** Something the engineer attached to a question: a name and a reference (URL, document id or inline text). */
public record Attachment(String name, String reference) {
}
