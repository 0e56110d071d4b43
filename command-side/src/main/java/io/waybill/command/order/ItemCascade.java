package io.waybill.command.order;

import java.util.List;

/**
 * What goes with an order's items when they are deleted (their lots), in the unit of work of the deletion: the
 * feature that keeps such records implements it as a bean, so the order knows it only by this contract.
 */
public interface ItemCascade {

    void deleteChildrenOfItems(String orgId, List<String> itemSids);
}
