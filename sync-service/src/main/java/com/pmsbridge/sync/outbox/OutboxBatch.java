package com.pmsbridge.sync.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The records one transaction wrote to the outbox, as the single value of its outbox row. One row per transaction
 * instead of one per record: inserting, deleting and vacuuming about two rows per change event was a third of
 * PostgreSQL's work (docs/benchmarks.md). The format is a version byte ({@value #FORMAT}), then per record eight
 * fields, each a big-endian int32 length (-1 for null) followed by that many UTF-8 bytes: event id, topic, key, CloudEvents
 * type, subject, org, payload, traceparent. Format 1 (migration V8 wrote it in SQL for the rows it carried over) has
 * the first seven; it is still read.
 */
final class OutboxBatch {
    static final byte FORMAT = 2;
    private static final byte FORMAT_WITHOUT_TRACE = 1;
    private static final int FIELDS = 8;

    /** A record read back: everything but the topic stays bytes, as the producer sends them (value and headers). */
    record Record(
            byte[] eventId,
            String topic,
            byte[] key,
            byte[] ceType,
            byte[] subject,
            byte[] org,
            byte[] payload,
            String traceparent) {}

    /** One outbox row's value and how many records it holds. */
    record Encoded(byte[] bytes, int records) {}

    private OutboxBatch() {}

    /**
     * The rows in order, as batches of at most about {@code maxBytes} each (a single larger record is a batch alone):
     * every value stays well below the size at which the JVM allocates it as a humongous object, and the relay can
     * publish a large transaction in several turns.
     */
    static List<Encoded> encode(List<Outbox.Row> rows, int maxBytes) {
        List<Encoded> batches = new ArrayList<>();
        List<byte[]> fields = new ArrayList<>();
        int size = 1;
        for (Outbox.Row row : rows) {
            int rowSize = 0;
            int first = fields.size();
            for (String field : new String[] {
                row.eventId(),
                row.topic(),
                row.key(),
                row.ceType(),
                row.subject(),
                row.org(),
                row.payload(),
                row.traceparent()
            }) {
                byte[] bytes = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
                fields.add(bytes);
                rowSize += 4 + (bytes == null ? 0 : bytes.length);
            }
            if (size > 1 && size + rowSize > maxBytes) {
                batches.add(batch(fields.subList(0, first), size));
                fields.subList(0, first).clear();
                size = 1;
            }
            size += rowSize;
        }
        if (size > 1) {
            batches.add(batch(fields, size));
        }
        return batches;
    }

    private static Encoded batch(List<byte[]> fields, int size) {
        ByteBuffer out = ByteBuffer.allocate(size).put(FORMAT);
        for (byte[] field : fields) {
            if (field == null) {
                out.putInt(-1);
            } else {
                out.putInt(field.length).put(field);
            }
        }
        return new Encoded(out.array(), fields.size() / FIELDS);
    }

    static List<Record> decode(byte[] batch) {
        ByteBuffer in = ByteBuffer.wrap(batch);
        byte format = in.get();
        if (format != FORMAT && format != FORMAT_WITHOUT_TRACE) {
            throw new IllegalArgumentException("unknown outbox batch format " + format);
        }
        List<Record> records = new ArrayList<>();
        while (in.hasRemaining()) {
            records.add(new Record(
                    bytes(in),
                    text(in),
                    bytes(in),
                    bytes(in),
                    bytes(in),
                    bytes(in),
                    bytes(in),
                    format == FORMAT ? text(in) : null));
        }
        return records;
    }

    private static String text(ByteBuffer in) {
        byte[] bytes = bytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
