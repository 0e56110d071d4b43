-- Every committed change to who may do what is announced on the channel waybill_access, whoever makes it (the
-- command side, a replay, an operator by hand), so a process may keep the tokens it read until the next change
-- (AccessChanges). A notification is sent at commit and never for a transaction that rolls back.
CREATE FUNCTION waybill_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('waybill_access', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER access_organisation_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON access_organisation
    FOR EACH STATEMENT EXECUTE FUNCTION waybill_access_changed();
CREATE TRIGGER access_membership_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON access_membership
    FOR EACH STATEMENT EXECUTE FUNCTION waybill_access_changed();
CREATE TRIGGER access_token_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON access_token
    FOR EACH STATEMENT EXECUTE FUNCTION waybill_access_changed();
