package com.pmsbridge.connector.adapter.buildium;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.pmsbridge.connector.adapter.PmsHttpClient;
import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.connection.ConnectionSettings;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.WritebackCommand;

import java.math.BigDecimal;
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
            "ON_HOLD",
            "Deferred",
            "COMPLETED",
            "Completed",
            "CANCELLED",
            "Closed");
    private static final Map<String, String> PRIORITY = Map.of("low", "Low", "normal", "Normal", "high", "High");
    /** Where a task's status is changed: each task type has its own PUT endpoint. */
    private static final Map<String, String> TASK_ENDPOINTS = Map.of(
            "ResidentRequest", "/v1/tasks/residentrequests/",
            "Todo", "/v1/tasks/todorequests/",
            "ContactRequest", "/v1/tasks/contactrequests/",
            "RentalOwnerRequest", "/v1/tasks/rentalownerrequests/");

    private static final Map<String, String> PHONE_KINDS =
            Map.of("Home", "Home", "Office", "Work", "Cell", "Mobile", "Fax", "Fax");
    private static final Map<String, String> ENTRY_ALLOWED = Map.of("yes", "Yes", "no", "No", "unknown", "Unknown");
    /** The PUT-able fields of a tenant (RentalTenantPutMessage): a PUT replaces the tenant, so each is sent back. */
    private static final List<String> TENANT_PUT_FIELDS = List.of(
            "FirstName",
            "LastName",
            "Email",
            "AlternateEmail",
            "DateOfBirth",
            "Comment",
            "TaxId",
            "EmergencyContact",
            "Address",
            "AlternateAddress",
            "MailingPreference");

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
        // WorkOrderPostMessage requires VendorId and EntryAllowed; its task requires an assignee among the staff
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("Title", required(f.get("title"), "title"));
        task.put("UnitId", asLong(required(f.get("unitId"), "unitId")));
        task.put("Priority", PRIORITY.getOrDefault(String.valueOf(f.getOrDefault("priority", "normal")), "Normal"));
        task.put("Status", "New");
        task.put("AssignedToUserId", asLong(required(f.get("assignedToUserId"), "assignedToUserId")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Task", task);
        body.put("WorkDetails", f.getOrDefault("description", ""));
        body.put("VendorId", asLong(required(f.get("vendorId"), "vendorId")));
        body.put(
                "EntryAllowed",
                ENTRY_ALLOWED.getOrDefault(String.valueOf(f.getOrDefault("entryAllowed", "unknown")), "Unknown"));
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
        String endpoint = TASK_ENDPOINTS.get(workOrder.path("Task").path("Type").asText());
        if (endpoint == null) {
            throw new PmsUnavailableException(
                    "work order " + workOrderId + " has a task of type '"
                            + workOrder.path("Task").path("Type").asText() + "', whose status cannot be changed",
                    400);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "Title",
                workOrder
                        .path("Task")
                        .path("Title")
                        .asText(workOrder.path("Title").asText()));
        body.put("TaskStatus", taskStatus);
        // the task PUTs allow Low, Normal and High; a work order's Unknown priority is sent as Normal
        String priority = workOrder
                .path("Task")
                .path("Priority")
                .asText(workOrder.path("Priority").asText());
        body.put("Priority", PRIORITY.containsValue(priority) ? priority : "Normal");
        adapter.send(
                connection, "PUT", endpoint + workOrder.path("Task").path("Id").asText(), body);
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
        body.put("SendRentalApplicationEmail", Boolean.TRUE.equals(f.get("sendRentalApplicationEmail")));
        return id(adapter.send(connection, "POST", "/v1/applicants", body));
    }

    private String postCharge(Map<String, Object> f) {
        String leaseId = String.valueOf(required(f.get("leaseId"), "leaseId"));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("Amount", new BigDecimal(String.valueOf(required(f.get("amount"), "amount"))));
        // the income account differs per Buildium account: the request names it, else the connection's setting
        // (never an invented default)
        Object account =
                f.get("glAccountId") != null ? f.get("glAccountId") : ConnectionSettings.chargeGlAccountId(connection);
        if (account == null) {
            throw new PmsUnavailableException(
                    "a charge needs a GL account: name 'glAccountId' or set the connection's"
                            + " settings.chargeGlAccountId",
                    400);
        }
        line.put("GLAccountId", asLong(account));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Date", required(f.get("date"), "date"));
        body.put("Memo", f.getOrDefault("memo", "Charge"));
        body.put("Lines", List.of(line));
        JsonNode created = read(adapter.send(connection, "POST", "/v1/leases/" + leaseId + "/charges", body), "charge");
        return (created.isArray() ? created.get(0) : created).path("Id").asText();
    }

    private String updateResidentContact(String tenantId, Map<String, Object> f) {
        // Buildium's PUT replaces the tenant: read it, send every PUT-able field back, change only the contact details
        JsonNode tenant = read(adapter.get(connection, "/v1/leases/tenants/" + tenantId), "tenant " + tenantId);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : TENANT_PUT_FIELDS) {
            if (tenant.hasNonNull(field)) {
                body.put(field, ContractJson.mapper().convertValue(tenant.get(field), Object.class));
            }
        }
        if (f.containsKey("email")) {
            body.put("Email", f.get("email"));
        }
        // the GET lists phone numbers ({Number, Type}); the PUT takes them by kind
        Map<String, Object> phones = new LinkedHashMap<>();
        for (JsonNode number : tenant.path("PhoneNumbers")) {
            String kind = number.path("Type").asText();
            phones.put(
                    "Cell".equals(kind) ? "Mobile" : kind, number.path("Number").asText());
        }
        if (f.containsKey("phone")) {
            phones.put("Mobile", f.get("phone"));
        }
        if (!phones.isEmpty()) {
            body.put("PhoneNumbers", phones);
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
