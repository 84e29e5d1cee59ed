package com.pmsbridge.sync.ownership;

/** Who may set a field. */
public enum Owner {
    PMS,
    HUB,
    SHARED
}
