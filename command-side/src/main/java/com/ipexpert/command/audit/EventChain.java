package com.ipexpert.command.audit;

import com.ipexpert.edge.audit.EventLinks;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * An aggregate's last event link, kept in its state: an {@code @AggregateMember} sees every event the aggregate
 * applies or is sourced from, so the next event is linked without reading the store again.
 */
public class EventChain {
    private String lastLink;

    /**
     * The metadata that links {@code payload} to the aggregate's previous event; pass it to {@code apply}. Moves the
     * chain on at once: events applied in a constructor reach the handlers only after it returns.
     */
    public MetaData linkFor(Object payload) {
        lastLink = EventLinks.next(lastLink, payload);
        return MetaData.with(EventLinks.LINK, lastLink);
    }

    @EventSourcingHandler
    void on(Object event, @MetaDataValue(EventLinks.LINK) String link) {
        if (link != null) lastLink = link;
    }

    public String lastLink() {
        return lastLink;
    }
}
