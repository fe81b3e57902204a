package com.ipexpert.command.cases;

import com.ipexpert.api.cases.NodeId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The nodes of a case, as its command handlers reach them: a node loaded here joins the case's unit of work, so what
 * the node and the case apply is stored in one transaction, or neither is.
 */
class CaseNodes {
    private final Supplier<Repository<Node>> repository;

    CaseNodes(Supplier<Repository<Node>> repository) {
        this.repository = repository;
    }

    /** Runs {@code change} on the node; a node the store does not know is not part of the case. */
    void change(NodeId node, Consumer<Node> change) {
        try {
            repository.get().load(node.value()).execute(change);
        } catch (AggregateNotFoundException e) {
            throw CaseRefusals.nodeNotInCase(node);
        }
    }
}
