package io.waybill.command.support;

import java.util.UUID;

/**
 * The id of a record about to be created: the client's own, or else a new random one, made here. A made id has no
 * history anywhere, which {@link CommandSender#create} tells the command side so it does not look for one.
 */
public record NewRecordId(String value, boolean made) {

    public static NewRecordId of(String clientId) {
        return clientId == null ? new NewRecordId(UUID.randomUUID().toString(), true)
                : new NewRecordId(clientId, false);
    }
}
