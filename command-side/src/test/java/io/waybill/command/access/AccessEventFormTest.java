package io.waybill.command.access;

import io.waybill.api.access.MemberAdded;
import io.waybill.api.access.MemberRoleChanged;
import io.waybill.api.access.MembershipView;
import io.waybill.api.access.Role;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** How roles are stored in access events and carried in command answers, and that older stored forms still read. */
class AccessEventFormTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aRoleIsWrittenAsItsCode() {
        SerializedObject<byte[]> event = serializer.serialize(new MemberAdded("org-1", "u-1", Role.OWNER),
                byte[].class);
        assertThat(new String(event.getData(), StandardCharsets.UTF_8)).contains("\"role\":\"owner\"");

        MembershipView answer = new MembershipView("org-1", "u-1", Role.VIEWER, Instant.parse("2026-05-10T09:00:00Z"));
        SerializedObject<byte[]> serialized = serializer.serialize(answer, byte[].class);
        assertThat(new String(serialized.getData(), StandardCharsets.UTF_8)).contains("\"role\":\"viewer\"");
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(answer);
    }

    @Test
    void eventsThatHoldARolesConstantNameStillRead() {
        assertThat((Object) read(MemberAdded.class, "{\"orgId\":\"org-1\",\"userId\":\"u-1\",\"role\":\"OWNER\"}"))
                .isEqualTo(new MemberAdded("org-1", "u-1", Role.OWNER));
        assertThat((Object) read(MemberRoleChanged.class,
                "{\"orgId\":\"org-1\",\"userId\":\"u-1\",\"from\":\"ADMIN\",\"to\":\"viewer\"}"))
                .isEqualTo(new MemberRoleChanged("org-1", "u-1", Role.ADMIN, Role.VIEWER));
    }

    private Object read(Class<?> type, String json) {
        return serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(type.getName(), null)));
    }
}
