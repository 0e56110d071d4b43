package io.waybill.api.access;

public record ApiTokenRevoked(String tokenId, String userId, String orgId) implements ApiTokenEvent {
}
