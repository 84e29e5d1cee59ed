package com.pmsbridge.connector.adapter;

import com.pmsbridge.contract.event.ChangeEvent;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param changes  records mapped to canonical changes (invalid ones are in {@code rejects})
 * @param rejects  records that could not be mapped, with the reason, for the DLQ
 * @param total    total records the PMS reports for the query
 * @param fetched  records on this page, valid or not (to advance the offset)
 */
public record PmsPage(List<ChangeEvent> changes, List<MappingException> rejects, int total, int fetched) {}
