package com.pmsbridge.connector.connection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A PMS connection of one organisation. Its secrets are kept apart, encrypted, by {@link ConnectionSecrets}. */
@Entity
@Table(name = "connection")
public class Connection extends PanacheEntityBase {
    @Id
    public String id;

    public String org;

    @Column(name = "pms_type")
    public String pmsType;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "api_base_url")
    public String apiBaseUrl;

    /** For JWS-signed webhooks (AppFolio): the issuer whose /.well-known/jwks.json holds the keys. */
    @Column(name = "webhook_issuer_url")
    public String webhookIssuerUrl;

    @Enumerated(EnumType.STRING)
    public ConnectionMode mode = ConnectionMode.WEBHOOK;

    @Column(name = "poll_interval_seconds")
    public int pollIntervalSeconds = 300;

    @Enumerated(EnumType.STRING)
    public ConnectionStatus status = ConnectionStatus.CONNECTED;
    /** Generic adapter: PMS field name to canonical field name, per entity type. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "field_mapping")
    public Map<String, Map<String, String>> fieldMapping = new HashMap<>();

    /** Currency and charge account of this PMS account ({@link ConnectionSettings}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "settings")
    public Map<String, String> settings = new HashMap<>();

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();
}
