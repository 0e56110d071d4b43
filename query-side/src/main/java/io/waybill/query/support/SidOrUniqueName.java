package io.waybill.query.support;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The lookup every read model shares: a row of the organisation by sid, or else a live row by unique name within
 * its parent (an order's line by name within the order, a lot by name within its item). A row found by sid wins
 * over one found by name.
 */
public final class SidOrUniqueName {

    private SidOrUniqueName() {
    }

    /**
     * @param select         {@code SELECT ... FROM table alias}
     * @param parentColumn   the column holding the parent's sid; a null {@code parentSid} finds by sid only, with a
     *                       statement of the key alone: the statement that also looks by name cannot keep one plan
     *                       (its parent's rows are many or none, depending on the parent), so PostgreSQL plans it
     *                       anew on every run
     * @param includeDeleted whether a deleted row is found by its sid (for its history)
     */
    public static DatabaseClient.GenericExecuteSpec find(DatabaseClient client, String select, String alias,
                                                         String parentColumn, String orgId, String key,
                                                         String parentSid, boolean includeDeleted) {
        String deleted = includeDeleted ? "" : " AND " + alias + ".deleted = FALSE";
        if (parentSid == null) {
            return client.sql(select + " WHERE " + alias + ".org_id = :org AND " + alias + ".sid = :key" + deleted)
                    .bind("org", orgId).bind("key", key);
        }
        String sql = select + " WHERE " + alias + ".org_id = :org AND ((" + alias + ".sid = :key" + deleted
                + ") OR (" + alias + "." + parentColumn + " = :parent AND " + alias + ".unique_name = :key AND "
                + alias + ".deleted = FALSE)) ORDER BY CASE WHEN " + alias + ".sid = :key THEN 0 ELSE 1 END LIMIT 1";
        return client.sql(sql).bind("org", orgId).bind("key", key).bind("parent", parentSid);
    }
}
