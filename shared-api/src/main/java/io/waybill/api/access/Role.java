package io.waybill.api.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a member may do in an organisation; each role includes everything of the roles before it. */
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
    @JsonCreator
    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return role;
            }
        }
        return null;
    }
}
