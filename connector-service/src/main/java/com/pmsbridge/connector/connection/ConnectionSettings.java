package com.pmsbridge.connector.connection;

import jakarta.ws.rs.BadRequestException;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What differs per PMS account and the PMS does not tell: the currency its amounts are in, and the income account a
 * posted charge is booked to. Kept with the connection, set by its admin.
 */
public final class ConnectionSettings {
    /** ISO 4217 code of the connection's amounts (rent, charges); USD when not set. */
    public static final String CURRENCY = "currency";
    /** The PMS's general-ledger account id that charges posted from the hub are booked to, unless a request names one. */
    public static final String CHARGE_GL_ACCOUNT_ID = "chargeGlAccountId";

    private static final Set<String> KNOWN = Set.of(CURRENCY, CHARGE_GL_ACCOUNT_ID);
    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{1,18}");

    private ConnectionSettings() {}

    /** Refuses an unknown setting or a malformed value with 400 naming it. */
    static void check(Map<String, String> settings) {
        if (settings == null) {
            return;
        }
        settings.forEach((name, value) -> {
            if (!KNOWN.contains(name)) {
                throw new BadRequestException("settings: unknown setting '" + name + "' (known: " + KNOWN + ")");
            }
            if (CURRENCY.equals(name)
                    && (value == null || !ISO_4217.matcher(value).matches())) {
                throw new BadRequestException("settings.currency must be an ISO 4217 code such as USD or CAD");
            }
            if (CHARGE_GL_ACCOUNT_ID.equals(name)
                    && (value == null || !ACCOUNT_ID.matcher(value).matches())) {
                throw new BadRequestException("settings.chargeGlAccountId must be the PMS's numeric account id");
            }
        });
    }

    public static String currency(Connection connection) {
        String currency = connection.settings == null ? null : connection.settings.get(CURRENCY);
        return currency == null ? "USD" : currency;
    }

    public static String chargeGlAccountId(Connection connection) {
        return connection.settings == null ? null : connection.settings.get(CHARGE_GL_ACCOUNT_ID);
    }
}
