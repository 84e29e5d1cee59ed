package com.pmsbridge.connector.connection;

import com.pmsbridge.service.security.CallerOrg;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;

/** A connection of the caller's organisation; another organisation's id is answered like a missing one (404). */
@RequestScoped
public class ConnectionAccess {
    private final CallerOrg caller;

    ConnectionAccess(CallerOrg caller) {
        this.caller = caller;
    }

    /** Call inside a transaction; the result is managed. */
    public Connection owned(String id) {
        Connection connection = Connection.findById(id);
        if (connection == null || !connection.org.equals(caller.value())) {
            throw new NotFoundException("no connection '" + id + "'");
        }
        return connection;
    }
}
