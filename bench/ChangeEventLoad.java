import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

/**
 * Fills pms.lease.changes.v1 with N canonical change events for E leases (several changes each, 5 % out of order,
 * 2 % duplicated) as fast as the producer allows, or at a given rate, then exits. Run with Kafka's jars on the class path:
 * java -cp '.local-stack/kafka-lib/*' bench/ChangeEventLoad.java <bootstrap> <connection> <events> <entities> [events/s]
 */
public class ChangeEventLoad {
    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", args[0]);
        config.put("acks", "all");
        config.put("linger.ms", "20");
        config.put("batch.size", "262144");
        config.put("compression.type", "lz4");
        config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        String connection = args[1];
        int events = Integer.parseInt(args[2]);
        int entities = Integer.parseInt(args[3]);
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Random random = new Random(1);
        long base = Instant.parse("2026-11-23T00:00:00Z").getEpochSecond();
        long start = System.nanoTime();
        int duplicates = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < events; i++) {
                if (rate > 0 && i % 100 == 0) {
                    // pacing for the latency run: stay on the schedule of `rate` events per second
                    long due = start + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                int entity = random.nextInt(entities);
                long second = base + i + (random.nextInt(20) == 0 ? -random.nextInt(1000) : 0);
                String version = Instant.ofEpochSecond(second).toString();
                String id = UUID.randomUUID().toString();
                String key = "lease:" + connection + ":L-" + entity;
                String value = "{\"schemaVersion\":1,\"eventId\":\"" + id + "\",\"org\":\"acme\",\"connectionId\":\"" + connection
                        + "\",\"pmsType\":\"generic\",\"entityType\":\"lease\",\"externalId\":\"L-" + entity
                        + "\",\"op\":\"u\",\"sourceVersion\":\"" + version + "\",\"occurredAt\":\"" + version
                        + "\",\"receivedAt\":\"" + Instant.now() + "\",\"data\":{\"id\":\"L-" + entity + "\",\"status\":\""
                        + (random.nextBoolean() ? "CURRENT" : "FUTURE") + "\",\"rent\":\"" + (1000 + random.nextInt(500))
                        + ".00\",\"unitId\":\"U-" + entity + "\",\"propertyId\":\"P-" + (entity % 50) + "\"}}";
                RecordHeaders headers = new RecordHeaders();
                headers.add("ce_id", id.getBytes(StandardCharsets.UTF_8));
                headers.add("ce_org", "acme".getBytes(StandardCharsets.UTF_8));
                ProducerRecord<String, String> record = new ProducerRecord<>("pms.lease.changes.v1", null, key, value, headers);
                producer.send(record);
                if (random.nextInt(50) == 0) {
                    producer.send(record);
                    duplicates++;
                }
            }
            producer.flush();
        }
        System.out.printf("produced %d events (+%d duplicates) for %d leases in %.1f s%n", events, duplicates, entities,
                (System.nanoTime() - start) / 1e9);
    }
}
