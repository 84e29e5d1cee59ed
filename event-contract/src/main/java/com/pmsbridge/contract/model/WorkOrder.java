package com.pmsbridge.contract.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A maintenance request or work order. Status and assignment may be shared between the PMS and the hub. */
public record WorkOrder(
        @JsonPropertyDescription("The PMS's id of the work order")
        String id,

        @JsonPropertyDescription("The PMS's id of the property, when the PMS says")
        String propertyId,

        @JsonPropertyDescription("The PMS's id of the unit, when the work is in one")
        String unitId,

        String title,
        String description,
        WorkOrderStatus status,
        @JsonPropertyDescription("low, normal or high") String priority,

        @JsonPropertyDescription("The PMS's id of the assigned vendor, null when unassigned")
        String vendorId,

        @JsonPropertyDescription("ISO-8601 date the work is due")
        String dueDate,

        @JsonPropertyDescription("The PMS's id of the task the work order belongs to (Buildium only)")
        String taskId)
        implements CanonicalEntity {}
