package io.waybill.api.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a member may do in an organisation; each role includes everything of the roles before it. Written as its
 * code ({@code "owner"}) everywhere: in answers, in lists and in events.
 */
public enum Role {
    VIEWER, MEMBER, ADMIN, OWNER;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    /** The role with this code, or null when there is none. */
    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return role;
            }
        }
        return null;
    }

    /** A role as stored: its code, or its constant's name ("OWNER"), as the first access events were written. */
    @JsonCreator
    public static Role read(String stored) {
        Role role = stored == null ? null : fromCode(stored.toLowerCase(Locale.ROOT));
        if (role == null) {
            throw new IllegalArgumentException("a role must be one of viewer, member, admin, owner: " + stored);
        }
        return role;
    }
}
