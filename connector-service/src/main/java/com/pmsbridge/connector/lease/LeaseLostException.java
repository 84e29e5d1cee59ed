package com.pmsbridge.connector.lease;

/** Another replica took a lease this replica held (it stalled past its expiry): the work stops here. */
public class LeaseLostException extends RuntimeException {
    public LeaseLostException(String lease) {
        super("lease_lost: another replica holds " + lease);
    }
}
