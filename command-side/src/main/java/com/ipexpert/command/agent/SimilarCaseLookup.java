package com.ipexpert.command.agent;

import com.ipexpert.api.cases.CaseId;

import java.util.List;
import java.util.Map;

/**
 * Finds the earlier solved cases most like the one being analysed, which its owner may read, for the step's node to
 * show as evidence: {@code [{caseId, title, solved, approved, score, alike, answer}]}, approved solutions first.
 */
public interface SimilarCaseLookup {

    List<Map<String, Object>> similarTo(CaseId caseId, String owner, String engineerText, String category, String vendor);

    /** No read model of similar cases answers in this process: steps show none. */
    SimilarCaseLookup NONE = (caseId, owner, text, category, vendor) -> List.of();
}
