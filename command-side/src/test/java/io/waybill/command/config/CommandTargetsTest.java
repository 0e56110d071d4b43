package io.waybill.command.config;

import io.waybill.api.itemgroup.CreateItemGroup;
import io.waybill.api.order.CreateOrder;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTargetsTest {

    private static final CommandTargetResolver AXON = AnnotationCommandTargetResolver.builder().build();
    private final CommandTargets targets = new CommandTargets();

    record ByField(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    static final class ByPlainField {
        @TargetAggregateIdentifier
        private final String id;
        @TargetAggregateVersion
        private final String version;

        ByPlainField(String id, String version) {
            this.id = id;
            this.version = version;
        }
    }

    record Unmarked(String id) {
    }

    @Test
    void eachCommandOfATypeIsResolvedToItsOwnAggregateAsAxonResolvesIt() {
        List<Object> commands = List.of(
                new CreateItemGroup("lot-1", "org-1", "order-1", "item-1", null),
                new CreateItemGroup("lot-2", "org-1", "order-1", "item-1", null),
                new CreateOrder("order-1", "org-2", null),
                new ByField("a", 3L), new ByField("b", null),
                new ByPlainField("c", "7"), new ByPlainField("d", null));
        for (Object command : commands) {
            VersionedAggregateIdentifier ours = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            VersionedAggregateIdentifier axons = AXON.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            assertThat(ours.getIdentifierValue()).as("%s", command).isEqualTo(axons.getIdentifierValue());
            assertThat(ours.getVersion()).as("%s", command).isEqualTo(axons.getVersion());
        }
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(commands.get(1))).getIdentifier())
                .isEqualTo("org-1:lot-2");
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new ByPlainField("c", "7")))
                .getVersion()).isEqualTo(7L);
    }

    @Test
    void aCommandWithoutItsAggregateIsRefused() {
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(new Unmarked("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[Unmarked]");
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(new ByField(null, 1L))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-null");
    }
}
