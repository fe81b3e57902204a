package com.ipexpert.edge.messaging;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/** Work that must wait until what the current unit of work stored is committed. */
public final class AfterCommit {
    private AfterCommit() {
    }

    /**
     * Runs {@code action} once the unit of work in progress (its root: the command's or the batch's) has committed,
     * never if it rolls back; at once when no unit of work is in progress or it has already committed.
     */
    public static void run(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            try {
                CurrentUnitOfWork.get().root().afterCommit(u -> action.run());
                return;
            } catch (IllegalStateException tooLate) {
                // the unit of work is already past committing
            }
        }
        action.run();
    }
}
