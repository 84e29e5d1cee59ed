package com.pmsbridge.sync.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay: how it batches, how long it waits for Kafka, and its producer's batching. */
@ConfigMapping(prefix = "sync.outbox")
public interface OutboxConfig {
    /** How often the sweep publishes rows a crash or a failed flush left behind (read by the schedule). */
    @WithDefault("5s")
    String sweepInterval();

    /** Records published per relay transaction, at most: whole outbox batches (at least one) up to this many records. */
    @WithDefault("5000")
    int batchSize();

    /** How long a batch may wait for the broker's acknowledgements before the relay retries it. */
    @WithDefault("30000")
    long ackTimeoutMs();

    /** The producer's linger: how long it waits to fill a batch of records per partition. */
    @WithDefault("5")
    int lingerMs();

    /** The producer's batch size per partition, in bytes. */
    @WithDefault("262144")
    int producerBatchBytes();

    /** Compression of the published batches (none, gzip, snappy, lz4, zstd). */
    @WithDefault("lz4")
    String compression();
}
