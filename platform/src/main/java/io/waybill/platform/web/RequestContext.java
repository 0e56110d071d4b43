package io.waybill.platform.web;

/**
 * Who asks, for which organisation, under which correlation id: taken from every authenticated request. The
 * actor is the user's id; the token is the one they sent (null for an identity provider's JWT or for work the
 * service does itself).
 */
public record RequestContext(String orgId, String actor, String correlationId, String tokenId) {
}
