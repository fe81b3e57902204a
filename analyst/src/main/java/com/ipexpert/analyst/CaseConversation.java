package com.ipexpert.analyst;

import java.util.List;

/**
 * The whole path of a case up to the step being analysed: the engineer's question, then every turn
 * (the agent's questions and the engineer's answers) in order.
 */
public record CaseConversation(String question, List<Turn> turns) {
    public CaseConversation {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    /** One exchange: what the agent said (its analysis and the questions it asked) and what the engineer answered. */
    public record Turn(String analysis, List<String> questionsAsked, String answer) {
        public Turn {
            questionsAsked = questionsAsked == null ? List.of() : List.copyOf(questionsAsked);
        }
    }

    /** Everything the engineer has written so far, question first: what classification and extraction read. */
    public String engineerText() {
        StringBuilder text = new StringBuilder(question == null ? "" : question);
        for (Turn turn : turns) {
            if (turn.answer() != null && !turn.answer().isBlank()) text.append('\n').append(turn.answer());
        }
        return text.toString();
    }

    /** Every question the agent has already asked, so it never asks the same thing twice. */
    public List<String> questionsAlreadyAsked() {
        return turns.stream().flatMap(t -> t.questionsAsked().stream()).toList();
    }
}
