package io.waybill.command.itemgroup;

import io.waybill.api.RecordStreams;
import io.waybill.command.registry.EntityRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;

import java.util.List;

/**
 * An event-sourced home for the item groups that a command reaches besides its own target: the lots a split
 * creates and the lots a combine or a cascading delete loads. {@code AggregateTestFixture} stores the events of
 * one aggregate only, so these live here, in a real in-memory event store taking part in the fixture's unit of
 * work.
 */
public final class SideItemGroupStore implements AutoCloseable {

    private final EmbeddedEventStore eventStore;
    private final EventSourcingRepository<ItemGroup> repository;
    private final ItemGroups groups;
    private final RepositoryProvider repositoryProvider;

    private SideItemGroupStore(EntityRegistry registry) {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        groups = new ItemGroups(this::repository, registry);
        repositoryProvider = new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                return aggregateType == ItemGroup.class ? (Repository<T>) repository : null;
            }
        };
        repository = EventSourcingRepository.builder(ItemGroup.class)
                .eventStore(eventStore)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        new SimpleResourceParameterResolverFactory(List.of(registry, groups)),
                        ClasspathParameterResolverFactory.forClass(ItemGroup.class)))
                .repositoryProvider(repositoryProvider)
                .build();
    }

    public static SideItemGroupStore create(EntityRegistry registry) {
        return new SideItemGroupStore(registry);
    }

    /** The {@link ItemGroups} to inject into command handlers, reaching the lots stored here. */
    public ItemGroups groups() {
        return groups;
    }

    /** Hands {@code createNew(ItemGroup.class, ...)} to this store. */
    public RepositoryProvider repositoryProvider() {
        return repositoryProvider;
    }

    public void given(String orgId, String itemGroupSid, Object... payloads) {
        String stream = RecordStreams.of(orgId, itemGroupSid);
        long next = eventStore.lastSequenceNumberFor(stream).map(n -> n + 1).orElse(0L);
        for (Object payload : payloads) {
            eventStore.publish(new GenericDomainEventMessage<>("ItemGroup", stream, next++, payload));
        }
    }

    public List<Object> events(String orgId, String itemGroupSid) {
        return eventStore.readEvents(RecordStreams.of(orgId, itemGroupSid)).asStream().<Object>map(Message::getPayload)
                .toList();
    }

    @Override
    public void close() {
        eventStore.shutDown();
    }

    private Repository<ItemGroup> repository() {
        return repository;
    }
}
