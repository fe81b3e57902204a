package com.ipexpert.command.agent;

import com.ipexpert.api.agent.AgentCommands.PerformAnalysis;
import com.ipexpert.api.cases.CaseId;
import com.ipexpert.api.cases.NodeEvents.AnalysisAttemptStarted;
import com.ipexpert.api.cases.NodeId;
import com.ipexpert.api.cases.RetrievalSettings;
import com.ipexpert.edge.correlation.MessageProvenance;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class AttemptHandOffTest {
    private static final NodeId NODE = NodeId.of("node-1");
    private static final CaseId CASE = CaseId.of("case-1");
    private static final RetrievalSettings RETRIEVAL = new RetrievalSettings(0.5, List.of("ospf"));
    private static final AnalysisAttemptStarted STARTED = new AnalysisAttemptStarted(NODE, CASE, 2, RETRIEVAL, Instant.EPOCH);
    private static final MetaData TRACED = MetaData.from(Map.of(MessageProvenance.TRACE_ID, "trace-7"));

    private final AnalysisWorker worker = mock(AnalysisWorker.class);
    private final AttemptHandOff handOff = new AttemptHandOff(worker);

    @Test
    void the_attempt_reaches_the_worker_only_once_the_transaction_that_started_it_has_committed() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(STARTED));
        handOff.on(STARTED, TRACED);
        verify(worker, never()).handle(any(), anyString());

        unitOfWork.commit();

        verify(worker).handle(new PerformAnalysis(NODE, CASE, 2, RETRIEVAL), "trace-7");
    }

    @Test
    void an_attempt_whose_transaction_rolls_back_is_never_handed_off() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(STARTED));
        handOff.on(STARTED, TRACED);

        unitOfWork.rollback();

        verify(worker, never()).handle(any(), any());
    }

    @Test
    void outside_a_unit_of_work_the_attempt_is_handed_off_at_once() {
        handOff.on(STARTED, MetaData.emptyInstance());

        verify(worker).handle(new PerformAnalysis(NODE, CASE, 2, RETRIEVAL), null);
    }
}
