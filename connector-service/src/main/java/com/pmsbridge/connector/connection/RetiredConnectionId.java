package com.pmsbridge.connector.connection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The id of a deleted connection: kept so that no organisation can ever create a connection with it again. */
@Entity
@Table(name = "retired_connection_id")
public class RetiredConnectionId extends PanacheEntityBase {
    @Id
    public String id;

    public String org;

    @Column(name = "retired_at")
    public Instant retiredAt;

    static void retire(Connection connection) {
        RetiredConnectionId retired = new RetiredConnectionId();
        retired.id = connection.id;
        retired.org = connection.org;
        retired.retiredAt = Instant.now();
        retired.persist();
    }
}
