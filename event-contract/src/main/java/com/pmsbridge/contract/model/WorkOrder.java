package com.pmsbridge.contract.model;

/** A maintenance request/work order. Status and assignment are shared between PMS and hub. */
public record WorkOrder(
        String id,
        String propertyId,
        String unitId,
        String title,
        String description,
        WorkOrderStatus status,
        String priority,
        String vendorId,
        String dueDate) {}
