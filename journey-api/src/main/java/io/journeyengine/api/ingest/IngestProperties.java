package io.journeyengine.api.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Limits on what a channel may send (see docs/api.md).
 *
 * @param maxBodyBytes      largest body of a single touchpoint
 * @param maxBatchBodyBytes largest body of a batch
 * @param maxBatchSize      most touchpoints in one batch
 * @param maxFutureSkew     how far in the future {@code occurredAt} may lie (clock skew between channels)
 * @param commitSize        touchpoints of a batch committed in one transaction (a batch larger than this commits in
 *                          slices, in order)
 */
@ConfigurationProperties("journey.ingest")
public record IngestProperties(@DefaultValue("1MB") DataSize maxBodyBytes,
                               @DefaultValue("4MB") DataSize maxBatchBodyBytes,
                               @DefaultValue("1000") int maxBatchSize,
                               @DefaultValue("PT24H") Duration maxFutureSkew,
                               @DefaultValue("100") int commitSize) {
}
