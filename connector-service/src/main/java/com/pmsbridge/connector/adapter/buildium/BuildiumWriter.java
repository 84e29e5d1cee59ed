package com.pmsbridge.connector.adapter.buildium;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.pmsbridge.connector.adapter.PmsHttpClient;
import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.WritebackCommand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates write-back commands into Buildium's POST/PUT endpoints (the spec's *PostMessage/*PutMessage shapes). */
final class BuildiumWriter {
    private static final Map<String, String> TASK_STATUS = Map.of(
            "NEW",
            "New",
            "ASSIGNED",
            "New",
            "IN_PROGRESS",
            "InProgress",
            "COMPLETED",
            "Completed",
            "CANCELLED",
            "Closed");
    private static final Map<String, String> PRIORITY = Map.of("low", "Low", "normal", "Normal", "high", "High");

    private final BuildiumAdapter adapter;
    private final Connection connection;

    BuildiumWriter(BuildiumAdapter adapter, Connection connection) {
        this.adapter = adapter;
        this.connection = connection;
    }

    String write(WritebackCommand command) {
        Map<String, Object> f = command.fields() == null ? Map.of() : command.fields();
        return switch (command.type()) {
            case CREATE_WORK_ORDER -> createWorkOrder(f);
            case UPDATE_WORK_ORDER_STATUS -> updateWorkOrderStatus(required(command.externalId(), "externalId"), f);
            case CREATE_LEAD -> createLead(f);
            case POST_CHARGE -> postCharge(f);
            case UPDATE_RESIDENT_CONTACT -> updateResidentContact(required(command.externalId(), "externalId"), f);
        };
    }

    private String createWorkOrder(Map<String, Object> f) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("Title", required(f.get("title"), "title"));
        task.put("UnitId", asLong(required(f.get("unitId"), "unitId")));
        task.put("Priority", PRIORITY.getOrDefault(String.valueOf(f.getOrDefault("priority", "normal")), "Normal"));
        task.put("Status", "New");
        task.put("AssignedToUserId", 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Task", task);
        body.put("WorkDetails", f.getOrDefault("description", ""));
        if (f.get("vendorId") != null) {
            body.put("VendorId", asLong(f.get("vendorId")));
        }
        return id(adapter.send(connection, "POST", "/v1/workorders", body));
    }

    private String updateWorkOrderStatus(String workOrderId, Map<String, Object> f) {
        String status = String.valueOf(required(f.get("status"), "status"));
        String taskStatus = TASK_STATUS.get(status);
        if (taskStatus == null) {
            throw new PmsUnavailableException("unknown work order status '" + status + "'", 400);
        }
        JsonNode workOrder =
                read(adapter.get(connection, "/v1/workorders/" + workOrderId), "work order " + workOrderId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Title", workOrder.path("Title").asText());
        body.put("TaskStatus", taskStatus);
        body.put("Priority", workOrder.path("Priority").asText("Normal"));
        adapter.send(
                connection,
                "PUT",
                "/v1/tasks/residentrequests/"
                        + workOrder.path("Task").path("Id").asText(),
                body);
        return workOrderId;
    }

    private String createLead(Map<String, Object> f) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UnitId", asLong(required(f.get("unitId"), "unitId")));
        body.put("FirstName", required(f.get("firstName"), "firstName"));
        body.put("LastName", required(f.get("lastName"), "lastName"));
        body.put("Email", f.get("email"));
        if (f.get("phone") != null) {
            body.put("PhoneNumbers", Map.of("Mobile", f.get("phone")));
        }
        return id(adapter.send(connection, "POST", "/v1/applicants", body));
    }

    private String postCharge(Map<String, Object> f) {
        String leaseId = String.valueOf(required(f.get("leaseId"), "leaseId"));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("Amount", new java.math.BigDecimal(String.valueOf(required(f.get("amount"), "amount"))));
        line.put("GLAccountId", asLong(f.getOrDefault("glAccountId", 4000)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Date", required(f.get("date"), "date"));
        body.put("Memo", f.getOrDefault("memo", "Charge"));
        body.put("Lines", List.of(line));
        JsonNode created = read(adapter.send(connection, "POST", "/v1/leases/" + leaseId + "/charges", body), "charge");
        return (created.isArray() ? created.get(0) : created).path("Id").asText();
    }

    private String updateResidentContact(String tenantId, Map<String, Object> f) {
        // Buildium's PUT replaces the tenant: read it and send it back with the new contact details.
        JsonNode tenant = read(adapter.get(connection, "/v1/leases/tenants/" + tenantId), "tenant " + tenantId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("FirstName", tenant.path("FirstName").asText());
        body.put("LastName", tenant.path("LastName").asText());
        body.put(
                "Email",
                f.containsKey("email") ? f.get("email") : tenant.path("Email").asText(null));
        String phone = f.containsKey("phone")
                ? (String) f.get("phone")
                : tenant.path("PhoneNumbers").path(0).path("Number").asText(null);
        if (phone != null) {
            body.put("PhoneNumbers", Map.of("Mobile", phone));
        }
        adapter.send(connection, "PUT", "/v1/leases/tenants/" + tenantId, body);
        return tenantId;
    }

    private static JsonNode read(PmsHttpClient.Answer answer, String what) {
        if (answer.status() == 404) {
            throw new PmsUnavailableException(what + " does not exist in Buildium", 404);
        }
        try {
            return ContractJson.mapper().readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new PmsUnavailableException("Buildium answered with malformed JSON for " + what, 502);
        }
    }

    private static String id(PmsHttpClient.Answer answer) {
        return read(answer, "created entity").path("Id").asText();
    }

    private static Object required(Object value, String field) {
        if (value == null || String.valueOf(value).isBlank()) {
            throw new PmsUnavailableException("write-back command lacks field '" + field + "'", 400);
        }
        return value;
    }

    private static String required(String value, String field) {
        return (String) required((Object) value, field);
    }

    private static long asLong(Object value) {
        try {
            return Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new PmsUnavailableException("'" + value + "' is not a Buildium id", 400);
        }
    }
}
