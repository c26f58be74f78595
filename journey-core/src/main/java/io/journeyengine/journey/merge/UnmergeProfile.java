package io.journeyengine.journey.merge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Undo the merge of {@code mergedCustomerId} into this customer (an administrator's decision, at {@code at}). */
public record UnmergeProfile(@TargetAggregateIdentifier String customerId, String mergedCustomerId, Instant at) {
}
