package io.waybill.platform.web;

/** Who asks, for which organisation, under which correlation id: taken from every request. */
public record RequestContext(String orgId, String actor, String correlationId) {
}
