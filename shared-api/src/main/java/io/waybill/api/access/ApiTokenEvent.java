package io.waybill.api.access;

/**
 * What happens to a personal API token. The secret and its hash never enter events: the hash lives only in the
 * access tables, which authenticate requests.
 */
public sealed interface ApiTokenEvent permits ApiTokenIssued, ApiTokenRevoked {

    String tokenId();
}
