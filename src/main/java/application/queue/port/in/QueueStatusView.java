package application.queue.port.in;

import domain.queue.QueueTicket;

/** What a fan is told about their place: the ticket and the estimated wait. */
public record QueueStatusView(QueueTicket ticket, long estimatedWaitSeconds) {}
