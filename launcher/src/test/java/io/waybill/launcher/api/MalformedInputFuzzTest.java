package io.waybill.launcher.api;

import io.waybill.launcher.ApiTestBase;
import io.waybill.launcher.WaybillApplication;
import io.waybill.launcher.api.fuzz.DocumentMalformations;
import io.waybill.launcher.api.fuzz.FieldMalformations;
import io.waybill.launcher.api.fuzz.FuzzClient;
import io.waybill.launcher.api.fuzz.FuzzRequest;
import io.waybill.launcher.api.fuzz.FuzzTargets;
import io.waybill.launcher.api.fuzz.MappedEndpoint;
import io.waybill.launcher.api.fuzz.RawClient;
import io.waybill.launcher.api.fuzz.RawRequest;
import io.waybill.launcher.api.fuzz.RequestMalformations;
import io.waybill.launcher.api.fuzz.Refusals;
import io.waybill.launcher.api.fuzz.WriteEndpoint;
import io.waybill.launcher.api.fuzz.WriteEndpoints;
import io.waybill.launcher.fixture.NoteFeature;
import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends thousands of generated malformed bodies to every write endpoint and checks each answer: a 4xx in the
 * error envelope with a stable code and details that point at the fault, no stack trace, SQL, class name or
 * another organisation's ids, and not one event more in the event store. Each template is first sent unspoiled
 * for another organisation, so a refusal is owed to the spoiling alone. Requests spoiled outside their bodies
 * (a query parameter, a header, a path variable, the method, the credentials) go to every endpoint the service
 * maps, as raw bytes: never a 5xx, a refusal always in the envelope, nothing recorded.
 *
 * <p>{@value #REQUESTS_PROPERTY} sets the number of requests (default 2000: about fifteen seconds of fuzzing
 * after ten of start and seeding) and {@value #SEED_PROPERTY} the seed, which a failure reports. A long run:
 * {@code ./mvnw -B verify -pl launcher -am -Dtest=MalformedInputFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dwaybill.fuzz.requests=100000}.
 */
@AddLifecycleHook(value = MalformedInputFuzzTest.RequestBudget.class,
        propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class MalformedInputFuzzTest {

    static final String REQUESTS_PROPERTY = "waybill.fuzz.requests";
    static final String SEED_PROPERTY = "waybill.fuzz.seed";
    private static final int REQUESTS = Integer.getInteger(REQUESTS_PROPERTY, 2000);
    private static final Map<FuzzRequest.Category, Integer> SENT = new ConcurrentSkipListMap<>();
    private static RunningApp app;
    private static FuzzClient client;
    private static List<WriteEndpoint> endpoints;
    private static Set<String> foreignIds;
    private static List<MappedEndpoint> mapped;
    private static RawClient raw;
    private static RequestMalformations requests;
    private static long eventsBefore;
    private static long startedAt;

    @BeforeContainer
    static void startAndSeed() {
        app = RunningApp.start(TestDatabases.embedded(), NoteFeature.with(WaybillApplication.class));
        mapped = MappedEndpoint.all(app.context().getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class));
        RunningApp.Credentials other = app.organisation("fuzz-checked-" + UUID.randomUUID());
        FuzzTargets otherTargets = FuzzTargets.seed(app.client(other), other.orgId());
        FuzzClient otherClient = new FuzzClient(app, other);
        WriteEndpoints.all(otherTargets, mapped).stream().filter(e -> !e.bulk() || e.rowsOfBulk())
                .forEach(otherClient::sendValid);
        foreignIds = otherTargets.ids();

        RunningApp.Credentials fuzzed = app.organisation("fuzz-" + UUID.randomUUID());
        endpoints = WriteEndpoints.all(FuzzTargets.seed(app.client(fuzzed), fuzzed.orgId()), mapped);
        client = new FuzzClient(app, fuzzed);
        requests = new RequestMalformations(mapped, fuzzed.token(), fuzzed.orgId(), other.orgId());
        raw = new RawClient(Integer.parseInt(app.context().getEnvironment().getProperty("local.server.port")));
        awaitProcessesDone();
        eventsBefore = events();
        startedAt = System.nanoTime();
    }

    @AfterContainer
    static void nothingWasRecorded() {
        if (endpoints == null) {
            if (app != null) {
                app.close();
            }
            return;
        }
        try {
            System.out.printf("MalformedInputFuzzTest: %d malformed requests to %d write endpoints (bodies) and %d "
                            + "mapped endpoints (outside the body) in %.1f s: %s%n",
                    SENT.values().stream().mapToInt(Integer::intValue).sum(), endpoints.size(), mapped.size(),
                    (System.nanoTime() - startedAt) / 1e9, SENT);
            assertThat(events()).as("events in the store after the fuzzing").isEqualTo(eventsBefore);
        } finally {
            app.close();
        }
    }

    /**
     * Half of the requests spoil one field of a valid body, three tenths the document as a whole, the rest the
     * request outside its body; the sweep over every endpoint, an example, runs once besides.
     */
    static class RequestBudget implements AroundPropertyHook {

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            if (context.targetMethod().getParameterCount() == 0) {
                return property.execute();
            }
            int tries = switch (context.targetMethod().getName()) {
                case "aBrokenDocumentIsRefusedAndRecordsNothing" -> REQUESTS * 3 / 10;
                case "aRequestSpoiledOutsideItsBodyIsAnsweredSafelyAndRecordsNothing" -> REQUESTS / 5;
                default -> REQUESTS / 2;
            };
            context.attributes().setTries(Math.max(1, tries));
            String seed = System.getProperty(SEED_PROPERTY);
            if (seed != null) {
                context.attributes().setSeed(seed);
            }
            return property.execute();
        }
    }

    /*
     * No shrinking: a request the server wrongly carried out has changed its state, so a smaller one would not
     * fail alike; the failing request is reported whole. No edge cases: the generators name the interesting values
     * themselves, and the edge cases of their combinations would crowd out the rest.
     */
    @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void aSpoiledFieldIsRefusedAndRecordsNothing(@ForAll("spoiledFields") FuzzRequest request) {
        sendAndCheck(request);
    }

    @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void aBrokenDocumentIsRefusedAndRecordsNothing(@ForAll("brokenDocuments") FuzzRequest request) {
        sendAndCheck(request);
    }

    @Provide
    Arbitrary<FuzzRequest> spoiledFields() {
        return Arbitraries.of(endpoints).flatMap(FieldMalformations::of).filter(FuzzRequest::isFreeOfLeakWords);
    }

    @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void aRequestSpoiledOutsideItsBodyIsAnsweredSafelyAndRecordsNothing(
            @ForAll("spoiledRequests") RawRequest request) {
        sendAndCheck(request);
    }

    /** Every endpoint, each way of spoiling it once: the property above then explores the values. */
    @Example
    void everyEndpointAnswersEveryKindOfSpoiledRequestSafely() {
        for (MappedEndpoint endpoint : mapped) {
            requests.sweep(endpoint).forEach(MalformedInputFuzzTest::sendAndCheck);
        }
    }

    /** A feature the fuzzer was never told of (the test fixture's notes) is fuzzed all the same. */
    @Example
    void aFeatureAddedWithNoEditHereIsFuzzedToo() {
        assertThat(endpoints).filteredOn(endpoint -> endpoint.path().equals("/api/test-notes")).singleElement()
                .satisfies(notes -> assertThat(notes.fieldNames()).containsExactly("text"));
    }

    @Provide
    Arbitrary<RawRequest> spoiledRequests() {
        return requests.of(mapped);
    }

    @Provide
    Arbitrary<FuzzRequest> brokenDocuments() {
        return Arbitraries.of(endpoints).flatMap(DocumentMalformations::of).filter(FuzzRequest::isFreeOfLeakWords);
    }

    private static void sendAndCheck(RawRequest request) {
        var answer = raw.send(request);
        SENT.merge(FuzzRequest.Category.OUTSIDE_THE_BODY, 1, Integer::sum);
        Refusals.assertAnsweredSafely(request, answer, foreignIds);
        assertThat(events()).as("events in the store after %s", request).isEqualTo(eventsBefore);
    }

    private static void sendAndCheck(FuzzRequest request) {
        var answer = client.send(request);
        SENT.merge(request.category(), 1, Integer::sum);
        Refusals.assertRefused(request, answer, foreignIds);
        assertThat(events()).as("events in the store after %s", request).isEqualTo(eventsBefore);
    }

    /**
     * Waits until every event processor has handled every stored event: seeding placed purchase orders, whose
     * postings reach the ledger a moment later, and those events must not be counted as the fuzzing's.
     */
    private static void awaitProcessesDone() {
        var processing = app.bean(EventProcessingConfiguration.class);
        var store = app.bean(EventStore.class);
        ApiTestBase.eventually().untilAsserted(() -> {
            long head = store.createHeadToken().position().orElse(-1);
            assertThat(processing.eventProcessors().values()).allSatisfy(processor ->
                    assertThat(((StreamingEventProcessor) processor).processingStatus().values())
                            .allMatch(status -> status.isCaughtUp()
                                    && status.getCurrentPosition().orElse(-1) >= head));
        });
    }

    private static long events() {
        return app.bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }
}
