package com.pmsbridge.connector.adapter;

import com.pmsbridge.contract.event.ChangeEvent;

import java.util.List;

/**
 * What a verified webhook says.
 *
 * @param pmsEventId the PMS's id of the delivery, used to recognise redeliveries; null when the PMS sends none
 * @param changes    canonical changes carried in full by the webhook
 */
public record ParsedWebhook(String pmsEventId, List<ChangeEvent> changes) {
}
