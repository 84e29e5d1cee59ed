/**
 * The canonical model: one record per entity type, the shape every PMS adapter maps onto and the shape of
 * {@code data} in change events and of values on the state topics. Field names here are the wire names.
 * Money is a decimal string in the lease's currency, dates are ISO-8601 local dates, times ISO-8601 instants.
 */
package com.pmsbridge.contract.model;
