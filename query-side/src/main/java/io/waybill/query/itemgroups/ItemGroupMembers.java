package io.waybill.query.itemgroups;

import io.waybill.api.itemgroup.ItemGroupCreated;
import io.waybill.query.orders.OrderHistoryMembers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.List;

/** The lots of an order or an item join its history. */
@Component
class ItemGroupMembers implements OrderHistoryMembers {

    private final ItemGroupRepository itemGroups;
    private final JdbcTemplate jdbc;

    ItemGroupMembers(ItemGroupRepository itemGroups, JdbcTemplate jdbc) {
        this.itemGroups = itemGroups;
        this.jdbc = jdbc;
    }

    @Override
    public Flux<String> of(String orgId, String orderSid, String itemSid) {
        return itemSid == null ? itemGroups.sidsOf(orgId, "order", orderSid)
                : itemGroups.sidsOf(orgId, "item", itemSid);
    }

    /** From the command side's registry: it commits with the events. */
    @Override
    public List<String> committed(String orgId, String orderSid, String itemSid) {
        if (itemSid != null) {
            return jdbc.queryForList("SELECT id FROM entity_registry WHERE org_id = ? AND kind = 'ITEM_GROUP' "
                    + "AND parent_id = ?", String.class, orgId, itemSid);
        }
        return jdbc.queryForList("SELECT g.id FROM entity_registry g JOIN entity_registry i ON i.org_id = g.org_id "
                + "AND i.id = g.parent_id WHERE g.org_id = ? AND g.kind = 'ITEM_GROUP' AND i.kind = 'ITEM' "
                + "AND i.parent_id = ?",
                String.class, orgId, orderSid);
    }

    @Override
    public boolean joins(Object payload, String orderSid, String itemSid) {
        return payload instanceof ItemGroupCreated created
                && (itemSid != null ? itemSid.equals(created.itemSid()) : orderSid.equals(created.orderSid()));
    }
}
