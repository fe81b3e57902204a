package com.ipexpert.analyst;

import java.util.ArrayList;
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

    /**
     * Everything the engineer has written so far, question first: what classification and extraction read. Answers
     * are taken in the engineer's own words ({@link #engineerAnswers()}): a question of the agent quoted in an answer,
     * with its examples, is not something the engineer said.
     */
    public String engineerText() {
        StringBuilder text = new StringBuilder(question == null ? "" : question);
        for (String answer : engineerAnswers()) {
            if (answer != null && !answer.isBlank()) text.append('\n').append(answer);
        }
        return text.toString();
    }

    /**
     * Each turn's answer (null where the turn has none) without the agent's questions it quotes: any question asked
     * up to that turn, whole or its bracketed examples, is taken out, so "(e.g. Huawei NE40E, Cisco ASR)? — FRRouting
     * 8.4" leaves "— FRRouting 8.4".
     */
    public List<String> engineerAnswers() {
        List<String> asked = new ArrayList<>();
        List<String> answers = new ArrayList<>(turns.size());
        for (Turn turn : turns) {
            asked.addAll(turn.questionsAsked());
            answers.add(QuotedQuestions.remove(turn.answer(), asked));
        }
        return answers;
    }

    /** Every question the agent has already asked, so it never asks the same thing twice. */
    public List<String> questionsAlreadyAsked() {
        return turns.stream().flatMap(t -> t.questionsAsked().stream()).toList();
    }
}
