package io.waybill.platform.security;

import io.waybill.api.access.Role;

/** Who makes a request: the user, the token they sent (null for an identity provider's JWT), and their role. */
public record Caller(String userId, String tokenId, String orgId, Role role) {
}
