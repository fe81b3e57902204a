package com.ipexpert.analyst.offline;

import com.ipexpert.analyst.CaseConversation;

import java.util.ArrayList;
import java.util.List;

/** Builds case conversations for tests: a question, then turns of the agent's questions and the engineer's answers. */
final class Conversations {

    private final String question;
    private final List<CaseConversation.Turn> turns = new ArrayList<>();

    private Conversations(String question) {
        this.question = question;
    }

    static Conversations asking(String question) {
        return new Conversations(question);
    }

    Conversations answered(List<String> questionsAsked, String answer) {
        turns.add(new CaseConversation.Turn("analysis", questionsAsked, answer));
        return this;
    }

    CaseConversation build() {
        return new CaseConversation(question, turns);
    }
}
