package com.pmsbridge.simulator;

import com.pmsbridge.simulator.portfolio.BuildiumShapes;
import com.pmsbridge.simulator.portfolio.Kind;
import com.pmsbridge.simulator.portfolio.Portfolio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Changes the portfolio the way a property's life does: move-ins, move-outs, renewals, new work orders and their
 * status changes, contact changes, new applicants. Each change is announced through {@code notify}
 * (EventName, identifiers), which sends the webhook.
 */
public final class ChangeEngine {
    private static final String[] WORK_ORDER_FLOW = {"New", "InProgress", "Completed"};
    private final Portfolio portfolio;
    private final Clock clock;
    private final BiConsumer<String, Map<String, Object>> notify;
    private final Random random;

    public ChangeEngine(Portfolio portfolio, Clock clock, BiConsumer<String, Map<String, Object>> notify) {
        this.portfolio = portfolio;
        this.clock = clock;
        this.notify = notify;
        this.random = portfolio.random();
    }

    /** Makes one random change; returns the event name announced, or null when nothing fitted. */
    public String tick() {
        return switch (random.nextInt(7)) {
            case 0 -> moveIn();
            case 1 -> moveOut();
            case 2 -> renew();
            case 3 -> newWorkOrder();
            case 4 -> advanceWorkOrder();
            case 5 -> changePhone();
            default -> newApplicant();
        };
    }

    @SuppressWarnings("unchecked")
    public String moveIn() {
        return portfolio
                .pick(Kind.LEASE, l -> "Future".equals(l.get("LeaseStatus")))
                .map(lease -> {
                    portfolio.update(Kind.LEASE, lease.id(), now(), l -> {
                        l.put("LeaseStatus", "Active");
                        ((List<Map<String, Object>>) l.get("Tenants")).forEach(t -> t.put("Status", "Current"));
                    });
                    return announce("Lease.Updated", Map.of("LeaseId", lease.id()));
                })
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    public String moveOut() {
        return portfolio
                .pick(Kind.LEASE, l -> "Active".equals(l.get("LeaseStatus")))
                .map(lease -> {
                    Object tenantId = ((List<Map<String, Object>>) lease.body().get("Tenants"))
                            .getFirst()
                            .get("Id");
                    portfolio.update(Kind.LEASE, lease.id(), now(), l -> {
                        List<Object> moveOuts = new ArrayList<>((List<Object>) l.get("MoveOutData"));
                        moveOuts.add(Map.of(
                                "TenantId",
                                tenantId,
                                "MoveOutDate",
                                LocalDate.of(2026, 12, 31).toString(),
                                "NoticeGivenDate",
                                LocalDate.of(2026, 11, 30).toString()));
                        l.put("MoveOutData", moveOuts);
                    });
                    return announce("Lease.MoveOut.Created", Map.of("LeaseId", lease.id(), "TenantId", tenantId));
                })
                .orElse(null);
    }

    String renew() {
        return portfolio
                .pick(Kind.LEASE, l -> "Active".equals(l.get("LeaseStatus")))
                .map(lease -> {
                    portfolio.update(Kind.LEASE, lease.id(), now(), l -> {
                        l.put(
                                "LeaseToDate",
                                LocalDate.parse((String) l.get("LeaseToDate"))
                                        .plusYears(1)
                                        .toString());
                        l.put("RenewalOfferStatus", "Renewed");
                    });
                    return announce("Lease.Updated", Map.of("LeaseId", lease.id()));
                })
                .orElse(null);
    }

    String newWorkOrder() {
        return portfolio
                .pick(Kind.UNIT, u -> true)
                .map(unit -> {
                    long id = portfolio.nextId();
                    String title = pickIssue();
                    portfolio.put(
                            Kind.WORK_ORDER,
                            BuildiumShapes.workOrder(
                                    id,
                                    portfolio.nextId(),
                                    unit.id(),
                                    title,
                                    "Resident reports: it's been like this since Tuesday — please call before entering.",
                                    random.nextBoolean() ? "High" : "Normal",
                                    null),
                            now());
                    return announce("WorkOrder.Created", Map.of("WorkOrderId", id));
                })
                .orElse(null);
    }

    /** Creates one work order now (tests need one to exist). */
    public String newWorkOrderForTests() {
        return newWorkOrder();
    }

    @SuppressWarnings("unchecked")
    String advanceWorkOrder() {
        return portfolio
                .pick(Kind.WORK_ORDER, w -> !"Completed".equals(w.get("Status")))
                .map(workOrder -> {
                    portfolio.update(Kind.WORK_ORDER, workOrder.id(), now(), w -> {
                        String next = next((String) w.get("Status"));
                        w.put("Status", next);
                        ((Map<String, Object>) w.get("Task")).put("Status", next);
                    });
                    return announce("WorkOrder.Updated", Map.of("WorkOrderId", workOrder.id()));
                })
                .orElse(null);
    }

    String changePhone() {
        return portfolio
                .pick(Kind.TENANT, t -> true)
                .map(tenant -> {
                    portfolio.update(
                            Kind.TENANT,
                            tenant.id(),
                            now(),
                            t -> t.put("PhoneNumbers", List.of(BuildiumShapes.phone(random))));
                    return announce("LeaseTenant.Updated", Map.of("TenantId", tenant.id()));
                })
                .orElse(null);
    }

    String newApplicant() {
        return portfolio
                .pick(Kind.UNIT, u -> true)
                .map(unit -> {
                    long id = portfolio.nextId();
                    Map<String, Object> applicant = new LinkedHashMap<>(Map.of(
                            "Id",
                            id,
                            "PropertyId",
                            unit.body().get("PropertyId"),
                            "UnitId",
                            unit.id(),
                            "FirstName",
                            "Renée",
                            "LastName",
                            "O'Callaghan-Ibáñez",
                            "Email",
                            "applicant" + id + "@example.com",
                            "PhoneNumbers",
                            List.of(),
                            "Status",
                            "New",
                            "LastUpdatedDateTime",
                            now().toString()));
                    portfolio.put(Kind.APPLICANT, applicant, now());
                    return announce("Applicant.Created", Map.of("ApplicantId", id));
                })
                .orElse(null);
    }

    private String pickIssue() {
        String[] issues = {
            "Leaking kitchen faucet", "Heat not working", "Smoke detector chirping", "Broken window latch"
        };
        return issues[random.nextInt(issues.length)];
    }

    private static String next(String status) {
        for (int i = 0; i < WORK_ORDER_FLOW.length - 1; i++) {
            if (WORK_ORDER_FLOW[i].equals(status)) {
                return WORK_ORDER_FLOW[i + 1];
            }
        }
        return "Completed";
    }

    private String announce(String eventName, Map<String, Object> identifiers) {
        notify.accept(eventName, identifiers);
        return eventName;
    }

    private Instant now() {
        return clock.instant();
    }
}
