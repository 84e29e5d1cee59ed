package com.pmsbridge.simulator.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The simulated PMS's data, held in Buildium's JSON shapes (the spec's *Message schemas) so the Buildium endpoints
 * serve them as they are. Every record has a hidden last-updated time for {@code lastupdatedfrom} filtering.
 * Thread-safe: every access is synchronized.
 */
public final class Portfolio {
    private final Map<Kind, TreeMap<Long, Record>> records = new EnumMap<>(Kind.class);
    private final AtomicLong ids = new AtomicLong(1000);
    private final Random random;

    /** One stored entity: its Buildium shape, when it last changed, and whether it is deleted. */
    public record Record(Kind kind, long id, Map<String, Object> body, Instant lastUpdated, boolean deleted) {}

    private Portfolio(long seed) {
        this.random = new Random(seed);
        for (Kind kind : Kind.values()) {
            records.put(kind, new TreeMap<>());
        }
    }

    /** A portfolio of {@code properties} properties with {@code unitsPerProperty} units each, mostly leased. */
    public static Portfolio generate(int properties, int unitsPerProperty, long seed) {
        Portfolio portfolio = new Portfolio(seed);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int v = 0; v < Math.max(3, properties / 2); v++) {
            portfolio.put(Kind.VENDOR, BuildiumShapes.vendor(portfolio.nextId(), portfolio.random), start);
        }
        for (int p = 0; p < properties; p++) {
            long propertyId = portfolio.nextId();
            portfolio.put(Kind.RENTAL, BuildiumShapes.rental(propertyId, unitsPerProperty, portfolio.random), start);
            for (int u = 1; u <= unitsPerProperty; u++) {
                long unitId = portfolio.nextId();
                portfolio.put(Kind.UNIT, BuildiumShapes.unit(unitId, propertyId, u, portfolio.random), start);
                if (portfolio.random.nextInt(10) < 8) {
                    portfolio.lease(propertyId, unitId, u, portfolio.random.nextBoolean() ? "Active" : "Future", start);
                } else {
                    portfolio.put(
                            Kind.APPLICANT,
                            BuildiumShapes.applicant(portfolio.nextId(), propertyId, unitId, portfolio.random, start),
                            start);
                }
            }
        }
        return portfolio;
    }

    public synchronized long nextId() {
        return ids.incrementAndGet();
    }

    public Random random() {
        return random;
    }

    /** Creates a lease with one tenant; returns the lease id. */
    public synchronized long lease(long propertyId, long unitId, int unitNumber, String status, Instant at) {
        long tenantId = nextId();
        long leaseId = nextId();
        Map<String, Object> tenant = BuildiumShapes.tenant(tenantId, random, at);
        put(Kind.TENANT, tenant, at);
        LocalDate from = LocalDate.of(2026, 1 + random.nextInt(12), 1);
        put(
                Kind.LEASE,
                BuildiumShapes.lease(leaseId, propertyId, unitId, unitNumber, status, from, tenant, random, at),
                at);
        long chargeId = nextId();
        put(
                Kind.TRANSACTION,
                BuildiumShapes.charge(
                        chargeId,
                        leaseId,
                        from.toString(),
                        1200 + random.nextInt(900),
                        "Rent " + from.getMonth(),
                        propertyId,
                        unitId),
                at);
        return leaseId;
    }

    public synchronized void put(Kind kind, Map<String, Object> body, Instant at) {
        long id = ((Number) body.get("Id")).longValue();
        if (body.containsKey("LastUpdatedDateTime")) {
            body.put("LastUpdatedDateTime", at.toString());
        }
        records.get(kind).put(id, new Record(kind, id, body, at, false));
    }

    /** Applies a change to a live record and stamps its last-updated time. */
    public synchronized Optional<Record> update(Kind kind, long id, Instant at, Consumer<Map<String, Object>> change) {
        Record current = records.get(kind).get(id);
        if (current == null || current.deleted()) {
            return Optional.empty();
        }
        Map<String, Object> body = deepCopy(current.body());
        change.accept(body);
        put(kind, body, at);
        return Optional.of(records.get(kind).get(id));
    }

    public synchronized boolean delete(Kind kind, long id, Instant at) {
        Record current = records.get(kind).get(id);
        if (current == null || current.deleted()) {
            return false;
        }
        records.get(kind).put(id, new Record(kind, id, current.body(), at, true));
        return true;
    }

    public synchronized Optional<Record> get(Kind kind, long id) {
        Record record = records.get(kind).get(id);
        return record == null || record.deleted() ? Optional.empty() : Optional.of(copy(record));
    }

    /** Live records of a kind ordered by id, optionally only those updated at or after {@code updatedFrom}. */
    public synchronized List<Record> list(Kind kind, Instant updatedFrom, Instant updatedTo) {
        List<Record> result = new ArrayList<>();
        for (Record record : records.get(kind).values()) {
            if (record.deleted()) {
                continue;
            }
            if (updatedFrom != null && record.lastUpdated().isBefore(updatedFrom)) {
                continue;
            }
            if (updatedTo != null && record.lastUpdated().isAfter(updatedTo)) {
                continue;
            }
            result.add(copy(record));
        }
        result.sort(Comparator.comparingLong(Record::id));
        return result;
    }

    /** A random live record of a kind matching a condition, if any. */
    public synchronized Optional<Record> pick(Kind kind, Predicate<Map<String, Object>> condition) {
        List<Record> candidates = records.get(kind).values().stream()
                .filter(r -> !r.deleted() && condition.test(r.body()))
                .toList();
        return candidates.isEmpty()
                ? Optional.empty()
                : Optional.of(copy(candidates.get(random.nextInt(candidates.size()))));
    }

    public synchronized int count(Kind kind) {
        return (int)
                records.get(kind).values().stream().filter(r -> !r.deleted()).count();
    }

    private static Record copy(Record record) {
        return new Record(record.kind(), record.id(), deepCopy(record.body()), record.lastUpdated(), record.deleted());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> copy.put(key, deepCopyValue(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepCopy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(deepCopyValue(item)));
            return copy;
        }
        return value;
    }
}
