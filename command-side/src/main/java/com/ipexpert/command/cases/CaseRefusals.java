package com.ipexpert.command.cases;

import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.ReviewDecision;
import com.ipexpert.api.errors.DomainException;

/** The reasons a case or node refuses a command, each with its kind and a message a user can act on. */
final class CaseRefusals {
    private CaseRefusals() {
    }

    static DomainException emptyQuery() {
        return DomainException.invalid("问题描述不能为空");
    }

    static DomainException queryTooLong(int max) {
        return DomainException.invalid("问题描述不能超过" + max + "个字符");
    }

    static DomainException outcomeRequired() {
        return DomainException.invalid("outcome must be 'solved' or 'unsolved'");
    }

    static DomainException emptyResponse() {
        return DomainException.invalid("补充信息不能为空");
    }

    static DomainException caseNotFound(CaseId id) {
        return DomainException.notFound("Case " + id + " was not found");
    }

    static DomainException nodeNotInCase(NodeId node) {
        return DomainException.notFound("Node " + node + " is not part of this case");
    }

    static DomainException caseClosed(CaseId id) {
        return DomainException.conflict("Case " + id + " is closed and takes no more changes");
    }

    static DomainException notAwaitingInput(NodeId node) {
        return DomainException.conflict("Node " + node + " is not waiting for your input");
    }

    static DomainException notFailed(NodeId node) {
        return DomainException.conflict("Node " + node + " has not failed, so there is nothing to retry");
    }

    static DomainException onlyOwnerGivesFeedback() {
        return DomainException.forbidden("Only the engineer who opened the case can give feedback on it");
    }

    static DomainException onlyAdminsReview() {
        return DomainException.forbidden("Only administrators review feedback");
    }

    static DomainException feedbackNotFound(String feedbackId) {
        return DomainException.notFound("Feedback " + feedbackId + " was not found");
    }

    static DomainException decisionRequired() {
        return DomainException.invalid("decision must be 'approve' or 'reject'");
    }

    static DomainException alreadyReviewed(String feedbackId, ReviewDecision earlier) {
        return DomainException.conflict("Feedback " + feedbackId + " has already been reviewed (" + earlier.reviewStatus() + ")");
    }

    static DomainException staleAttempt(NodeId node, int attempt, int current) {
        return DomainException.conflict("Attempt " + attempt + " of node " + node + " is no longer current (now " + current + ")");
    }

    static DomainException attemptAlreadyClaimed(NodeId node, int attempt) {
        return DomainException.conflict("Attempt " + attempt + " of node " + node + " is already being run");
    }

    static DomainException notProcessing(NodeId node) {
        return DomainException.conflict("Node " + node + " is not being analysed");
    }

    static DomainException solved(CaseId id) {
        return DomainException.conflict("Case " + id + " is solved; reopen it to go on");
    }

    static DomainException alreadyOpen(CaseId id) {
        return DomainException.conflict("Case " + id + " is open already");
    }
}
