package com.pmsbridge.simulator.buildium;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pmsbridge.simulator.portfolio.BuildiumShapes;
import com.pmsbridge.simulator.portfolio.Kind;
import com.pmsbridge.simulator.portfolio.Portfolio;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.pmsbridge.simulator.buildium.HttpExchanges.JSON;
import static com.pmsbridge.simulator.buildium.HttpExchanges.error;

/**
 * The Buildium Open API endpoints the adapter uses, per the published OpenAPI document: auth headers, paging with
 * {@code limit} (max 1000) / {@code offset} / {@code orderby=Id} / {@code X-Total-Count}, {@code lastupdatedfrom},
 * 429 above the per-second limit, and the write endpoints for work orders, tasks, applicants, charges and tenants.
 */
public final class BuildiumApi implements HttpHandler {
    private static final Pattern BY_ID = Pattern.compile("(.+)/(\\d+)");
    private static final Pattern LEASE_TRANSACTIONS = Pattern.compile("/v1/leases/(\\d+)/transactions(?:/(\\d+))?");
    private static final Pattern LEASE_CHARGES = Pattern.compile("/v1/leases/(\\d+)/charges");
    private static final Pattern TASK =
            Pattern.compile("/v1/tasks/(?:residentrequests|todorequests|contactrequests|rentalownerrequests)/(\\d+)");
    private static final Pattern GL_TRANSACTION = Pattern.compile("/v1/generalledger/transactions/(\\d+)");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final String BODY = "pms.body";

    private final Portfolio portfolio;
    private final String clientId;
    private final String clientSecret;
    private final RateLimiter limiter;
    private final Clock clock;
    private final BiConsumer<String, Map<String, Object>> onChange;
    private final AtomicInteger failNextWrites = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final PublishedContract contract = new PublishedContract();

    /**
     * @param onChange called with (EventName, identifiers) after every write, so writes echo as webhooks
     */
    public BuildiumApi(
            Portfolio portfolio,
            String clientId,
            String clientSecret,
            int requestsPerSecond,
            Clock clock,
            BiConsumer<String, Map<String, Object>> onChange) {
        this.portfolio = portfolio;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.limiter = new RateLimiter(requestsPerSecond);
        this.clock = clock;
        this.onChange = onChange;
    }

    /** Makes the next {@code count} write requests answer 429, to test the adapter's backoff. */
    public void failNextWrites(int count) {
        failNextWrites.set(count);
    }

    public long rateLimited() {
        return limiter.rejected();
    }

    public int requests() {
        return requests.get();
    }

    /** Buildium's published document as this simulator applies it (see {@link PublishedContract#tolerate}). */
    public PublishedContract contract() {
        return contract;
    }

    /** Every rule of Buildium's published document a request or an answer broke so far. */
    public List<String> contractViolations() {
        return contract.violations();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            requests.incrementAndGet();
            String id = exchange.getRequestHeaders().getFirst("x-buildium-client-id");
            String secret = exchange.getRequestHeaders().getFirst("x-buildium-client-secret");
            if (!clientId.equals(id) || !clientSecret.equals(secret)) {
                error(exchange, 401, "Invalid client credentials");
                return;
            }
            if (!limiter.tryAcquire(id)) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                error(exchange, 429, "Too many requests");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.setAttribute(BODY, body);
            List<String> broken = contract.request(
                    exchange.getRequestMethod(),
                    path,
                    HttpExchanges.rawQuery(exchange),
                    HttpExchanges.headers(exchange),
                    new String(body, StandardCharsets.UTF_8));
            if (!broken.isEmpty()) {
                HttpExchanges.json(
                        exchange,
                        400,
                        Map.of("UserMessage", "The request breaks the published API", "Errors", broken),
                        Map.of());
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET" -> get(exchange, path);
                case "POST", "PUT" -> write(exchange, path);
                default -> error(exchange, 405, "Method not allowed");
            }
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private void get(HttpExchange exchange, String path) throws IOException {
        Matcher ledger = GL_TRANSACTION.matcher(path);
        if (ledger.matches()) {
            generalLedgerTransaction(exchange, Long.parseLong(ledger.group(1)));
            return;
        }
        Matcher transactions = LEASE_TRANSACTIONS.matcher(path);
        if (transactions.matches()) {
            long leaseId = Long.parseLong(transactions.group(1));
            List<Portfolio.Record> all = portfolio.list(Kind.TRANSACTION, null, null).stream()
                    .filter(r -> ((Number) r.body().get("LeaseId")).longValue() == leaseId)
                    .toList();
            if (transactions.group(2) != null) {
                long id = Long.parseLong(transactions.group(2));
                Optional<Portfolio.Record> one =
                        all.stream().filter(r -> r.id() == id).findFirst();
                one(exchange, one);
            } else {
                page(exchange, all);
            }
            return;
        }
        for (Kind kind : Kind.values()) {
            if (path.equals(kind.path())) {
                Map<String, String> query = HttpExchanges.query(exchange);
                page(
                        exchange,
                        portfolio.list(
                                kind, instant(query.get("lastupdatedfrom")), instant(query.get("lastupdatedto"))));
                return;
            }
        }
        Matcher byId = BY_ID.matcher(path);
        if (byId.matches()) {
            for (Kind kind : Kind.values()) {
                if (byId.group(1).equals(kind.path())) {
                    one(exchange, portfolio.get(kind, Long.parseLong(byId.group(2))));
                    return;
                }
            }
        }
        error(exchange, 404, "Resource not found");
    }

    /** A lease's transaction as the general ledger shows it: the lease is its unit agreement. */
    @SuppressWarnings("unchecked")
    private void generalLedgerTransaction(HttpExchange exchange, long id) throws IOException {
        Optional<Portfolio.Record> found = portfolio.get(Kind.TRANSACTION, id);
        if (found.isEmpty()) {
            error(exchange, 404, "Resource not found");
            return;
        }
        Map<String, Object> transaction = found.get().body();
        long leaseId = ((Number) transaction.get("LeaseId")).longValue();
        Map<String, Object> ledger = new LinkedHashMap<>();
        ledger.put("Id", id);
        ledger.put("Date", transaction.get("Date"));
        ledger.put("TransactionType", transaction.get("TransactionType"));
        ledger.put("TotalAmount", transaction.get("TotalAmount"));
        ledger.put(
                "UnitAgreement",
                Map.of("Id", leaseId, "Type", "Lease", "Href", "https://api.buildium.com/v1/leases/" + leaseId));
        ledger.put("Journal", transaction.get("Journal"));
        json(exchange, 200, ledger, Map.of());
    }

    private void one(HttpExchange exchange, Optional<Portfolio.Record> record) throws IOException {
        if (record.isEmpty()) {
            error(exchange, 404, "Resource not found");
        } else {
            json(exchange, 200, record.get().body(), Map.of());
        }
    }

    private void page(HttpExchange exchange, List<Portfolio.Record> records) throws IOException {
        Map<String, String> query = HttpExchanges.query(exchange);
        int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = offset; i < Math.min(records.size(), offset + limit); i++) {
            page.add(records.get(i).body());
        }
        json(exchange, 200, page, Map.of("X-Total-Count", Integer.toString(records.size())));
    }

    private void write(HttpExchange exchange, String path) throws IOException {
        if (failNextWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            error(exchange, 429, "Too many requests");
            return;
        }
        Map<String, Object> body = JSON.readValue((byte[]) exchange.getAttribute(BODY), MAP);
        Instant now = clock.instant();
        String method = exchange.getRequestMethod();
        Matcher task = TASK.matcher(path);
        Matcher charges = LEASE_CHARGES.matcher(path);
        Matcher byId = BY_ID.matcher(path);
        if (method.equals("POST") && path.equals("/v1/workorders")) {
            createWorkOrder(exchange, body, now);
        } else if (method.equals("PUT") && task.matches()) {
            updateTaskStatus(exchange, Long.parseLong(task.group(1)), body, now);
        } else if (method.equals("POST") && path.equals("/v1/applicants")) {
            createApplicant(exchange, body, now);
        } else if (method.equals("POST") && charges.matches()) {
            postCharge(exchange, Long.parseLong(charges.group(1)), body, now);
        } else if (method.equals("PUT") && byId.matches() && byId.group(1).equals("/v1/leases/tenants")) {
            updateTenant(exchange, Long.parseLong(byId.group(2)), body, now);
        } else if (method.equals("PUT") && byId.matches() && byId.group(1).equals("/v1/workorders")) {
            updateWorkOrder(exchange, Long.parseLong(byId.group(2)), body, now);
        } else {
            error(exchange, 404, "Resource not found");
        }
    }

    @SuppressWarnings("unchecked")
    private void createWorkOrder(HttpExchange exchange, Map<String, Object> body, Instant now) throws IOException {
        Map<String, Object> task = (Map<String, Object>) body.get("Task");
        if (task == null || task.get("Title") == null || task.get("UnitId") == null) {
            throw new IllegalArgumentException("Task.Title and Task.UnitId are required");
        }
        long unitId = ((Number) task.get("UnitId")).longValue();
        if (portfolio.get(Kind.UNIT, unitId).isEmpty()) {
            throw new IllegalArgumentException("Task.UnitId " + unitId + " does not exist");
        }
        long id = portfolio.nextId();
        Map<String, Object> workOrder = BuildiumShapes.workOrder(
                id,
                portfolio.nextId(),
                unitId,
                (String) task.get("Title"),
                (String) body.getOrDefault("WorkDetails", ""),
                (String) task.getOrDefault("Priority", "Normal"),
                body.get("VendorId") == null ? null : ((Number) body.get("VendorId")).longValue());
        portfolio.put(Kind.WORK_ORDER, workOrder, now);
        onChange.accept("WorkOrder.Created", Map.of("WorkOrderId", id));
        json(exchange, 201, portfolio.get(Kind.WORK_ORDER, id).orElseThrow().body(), Map.of());
    }

    @SuppressWarnings("unchecked")
    private void updateTaskStatus(HttpExchange exchange, long taskId, Map<String, Object> body, Instant now)
            throws IOException {
        Object status = body.get("TaskStatus");
        if (status == null) {
            throw new IllegalArgumentException("TaskStatus is required");
        }
        Optional<Portfolio.Record> workOrder = portfolio.pick(
                Kind.WORK_ORDER,
                wo -> ((Number) ((Map<String, Object>) wo.get("Task")).get("Id")).longValue() == taskId);
        if (workOrder.isEmpty()) {
            error(exchange, 404, "Task not found");
            return;
        }
        Portfolio.Record updated = portfolio
                .update(Kind.WORK_ORDER, workOrder.get().id(), now, wo -> {
                    wo.put("Status", status);
                    ((Map<String, Object>) wo.get("Task")).put("Status", status);
                })
                .orElseThrow();
        onChange.accept("WorkOrder.Updated", Map.of("WorkOrderId", updated.id()));
        // the task as its type's message shows it (ResidentRequestTaskMessage and its siblings)
        Map<String, Object> task = (Map<String, Object>) updated.body().get("Task");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Id", task.get("Id"));
        answer.put("Title", task.get("Title"));
        answer.put("UnitId", task.get("UnitId"));
        answer.put("TaskStatus", task.get("Status"));
        answer.put("Priority", task.get("Priority"));
        answer.put("LastUpdatedDateTime", now.toString());
        json(exchange, 200, answer, Map.of());
    }

    private void updateWorkOrder(HttpExchange exchange, long id, Map<String, Object> body, Instant now)
            throws IOException {
        Optional<Portfolio.Record> updated = portfolio.update(Kind.WORK_ORDER, id, now, wo -> {
            for (String field : List.of("WorkDetails", "VendorId", "VendorNotes", "EntryNotes", "InvoiceNumber")) {
                if (body.containsKey(field)) {
                    wo.put(field, body.get(field));
                }
            }
        });
        if (updated.isEmpty()) {
            error(exchange, 404, "Work order not found");
            return;
        }
        onChange.accept("WorkOrder.Updated", Map.of("WorkOrderId", id));
        json(exchange, 200, updated.get().body(), Map.of());
    }

    @SuppressWarnings("unchecked")
    private void createApplicant(HttpExchange exchange, Map<String, Object> body, Instant now) throws IOException {
        if (body.get("FirstName") == null || body.get("LastName") == null || body.get("UnitId") == null) {
            throw new IllegalArgumentException("FirstName, LastName and UnitId are required");
        }
        long unitId = ((Number) body.get("UnitId")).longValue();
        Portfolio.Record unit = portfolio
                .get(Kind.UNIT, unitId)
                .orElseThrow(() -> new IllegalArgumentException("UnitId " + unitId + " does not exist"));
        long id = portfolio.nextId();
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("Id", id);
        applicant.put("PropertyId", unit.body().get("PropertyId"));
        applicant.put("UnitId", unitId);
        applicant.put("FirstName", body.get("FirstName"));
        applicant.put("LastName", body.get("LastName"));
        applicant.put("Email", body.get("Email"));
        Map<String, Object> phones = (Map<String, Object>) body.getOrDefault("PhoneNumbers", Map.of());
        applicant.put(
                "PhoneNumbers",
                phones.get("Mobile") == null
                        ? List.of()
                        : List.of(Map.of("Number", phones.get("Mobile"), "Type", "Cell")));
        applicant.put("Status", "New");
        applicant.put("LastUpdatedDateTime", now.toString());
        portfolio.put(Kind.APPLICANT, applicant, now);
        onChange.accept("Applicant.Created", Map.of("ApplicantId", id));
        json(exchange, 201, applicant, Map.of());
    }

    @SuppressWarnings("unchecked")
    private void postCharge(HttpExchange exchange, long leaseId, Map<String, Object> body, Instant now)
            throws IOException {
        Portfolio.Record lease = portfolio
                .get(Kind.LEASE, leaseId)
                .orElseThrow(() -> new IllegalArgumentException("lease " + leaseId + " does not exist"));
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("Lines");
        if (body.get("Date") == null || lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("Date and at least one of Lines are required");
        }
        BigDecimal total = lines.stream()
                .map(l -> new BigDecimal(l.get("Amount").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long id = portfolio.nextId();
        Map<String, Object> charge = BuildiumShapes.charge(
                id,
                leaseId,
                LocalDate.parse((String) body.get("Date")).toString(),
                total.intValue(),
                (String) body.getOrDefault("Memo", "Charge"),
                ((Number) lease.body().get("PropertyId")).longValue(),
                ((Number) lease.body().get("UnitId")).longValue());
        charge.put("TotalAmount", total);
        portfolio.put(Kind.TRANSACTION, charge, now);
        // as Buildium documents it: the event names the transaction and its type, not the lease
        onChange.accept("LeaseTransaction.Created", Map.of("TransactionId", id, "TransactionType", "Charge"));
        json(exchange, 201, List.of(charge), Map.of());
    }

    @SuppressWarnings("unchecked")
    private void updateTenant(HttpExchange exchange, long id, Map<String, Object> body, Instant now)
            throws IOException {
        Optional<Portfolio.Record> updated = portfolio.update(Kind.TENANT, id, now, tenant -> {
            for (String field : List.of("FirstName", "LastName", "Email", "AlternateEmail", "Comment")) {
                if (body.containsKey(field)) {
                    tenant.put(field, body.get(field));
                }
            }
            Map<String, Object> phones = (Map<String, Object>) body.get("PhoneNumbers");
            if (phones != null && phones.get("Mobile") != null) {
                tenant.put("PhoneNumbers", List.of(Map.of("Number", phones.get("Mobile"), "Type", "Cell")));
            }
        });
        if (updated.isEmpty()) {
            error(exchange, 404, "Tenant not found");
            return;
        }
        onChange.accept("LeaseTenant.Updated", Map.of("TenantId", id));
        json(exchange, 200, updated.get().body(), Map.of());
    }

    /** Sends an answer, unless it breaks the published document: then 500 naming the rule (a simulator bug). */
    private void json(HttpExchange exchange, int status, Object body, Map<String, String> headers) throws IOException {
        String text = JSON.writeValueAsString(body);
        List<String> broken = contract.response(
                exchange.getRequestMethod(), exchange.getRequestURI().getPath(), status, text);
        if (!broken.isEmpty()) {
            HttpExchanges.json(
                    exchange,
                    500,
                    Map.of("UserMessage", "The simulator's answer breaks the published API", "Errors", broken),
                    Map.of());
            return;
        }
        HttpExchanges.json(exchange, status, body, headers);
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) { // a date (work orders): from the start of that day
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value.endsWith("Z") || value.contains("+") ? value : value + "Z");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("lastupdatedfrom/lastupdatedto must be an ISO-8601 date-time");
        }
    }
}
