package com.pmsbridge.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.pmsbridge.contract.model.CanonicalEntity;
import com.pmsbridge.contract.model.Charge;
import com.pmsbridge.contract.model.Lead;
import com.pmsbridge.contract.model.Lease;
import com.pmsbridge.contract.model.Property;
import com.pmsbridge.contract.model.Resident;
import com.pmsbridge.contract.model.Unit;
import com.pmsbridge.contract.model.Vendor;
import com.pmsbridge.contract.model.WorkOrder;

import java.util.Arrays;

/** The canonical entity types every PMS is mapped onto. The wire name is part of topic names and entity keys. */
public enum EntityType {
    PROPERTY("property", Property.class),
    UNIT("unit", Unit.class),
    RESIDENT("resident", Resident.class),
    LEASE("lease", Lease.class),
    WORKORDER("workorder", WorkOrder.class),
    VENDOR("vendor", Vendor.class),
    LEAD("lead", Lead.class),
    CHARGE("charge", Charge.class);

    private final String wireName;
    private final Class<? extends CanonicalEntity> model;

    EntityType(String wireName, Class<? extends CanonicalEntity> model) {
        this.wireName = wireName;
        this.model = model;
    }

    /** The canonical record that {@code data} of this type's changes and states holds. */
    public Class<? extends CanonicalEntity> model() {
        return model;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static EntityType fromWireName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown entity type '" + name + "'"));
    }
}
