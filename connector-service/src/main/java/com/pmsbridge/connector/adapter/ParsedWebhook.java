package com.pmsbridge.connector.adapter;

import com.pmsbridge.contract.event.ChangeEvent;

import java.util.List;

/**
 * What a verified webhook says.
 *
 * @param pmsEventId the PMS's id of the delivery, used to recognise redeliveries; null when the PMS sends none
 * @param changes    canonical changes carried in full by the webhook
 * @param references entities a thin webhook points at, to be read after the webhook is acknowledged
 */
public record ParsedWebhook(String pmsEventId, List<ChangeEvent> changes, List<EntityReference> references) {

    public static ParsedWebhook full(String pmsEventId, List<ChangeEvent> changes) {
        return new ParsedWebhook(pmsEventId, changes, List.of());
    }

    public static ParsedWebhook thin(String pmsEventId, List<EntityReference> references) {
        return new ParsedWebhook(pmsEventId, List.of(), references);
    }
}
