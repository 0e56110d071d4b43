package io.waybill.platform.web;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URISyntaxException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class MalformedRequestsTest {

    @Test
    void everydayTargetsArePlainAndTheRestGoToTheParser() {
        assertThat(MalformedRequests.plain("/api/orders?limit=100&id=w4-0-1-2&id=a_b.c~d")).isTrue();
        assertThat(MalformedRequests.plain("/api/items/sku:7@main;v=1")).isTrue();
        assertThat(MalformedRequests.plain("/api/orders?q=a%20b")).isFalse();
        assertThat(MalformedRequests.plain("/api/orders?q=a b")).isFalse();
        assertThat(MalformedRequests.plain("/api/orders#top")).isFalse();
        assertThat(MalformedRequests.plain("//host/api")).isFalse();
        assertThat(MalformedRequests.plain("http://host/api")).isFalse();
        assertThat(MalformedRequests.plain("*")).isFalse();
        assertThat(MalformedRequests.plain("")).isFalse();
    }

    /** Skipping the parser never lets through what it would refuse. */
    @Property(tries = 2000)
    void aPlainTargetIsAlwaysAUri(@ForAll("targets") String target) {
        if (MalformedRequests.plain(target)) {
            assertThatCode(() -> new URI(target)).doesNotThrowAnyException();
        }
    }

    /** A refused target is never plain. */
    @Property(tries = 2000)
    void whatTheParserRefusesIsNeverPlain(@ForAll("targets") String target) {
        try {
            new URI(target);
        } catch (URISyntaxException e) {
            assertThat(MalformedRequests.plain(target)).isFalse();
        }
    }

    @Provide
    Arbitrary<String> targets() {
        Arbitrary<String> tail = Arbitraries.strings().withChars("aZ09-._~/?=&,:@!$'()*+;%#[]{}| \"<>\\^`")
                .withCharRange('\u0000', '\u001f').withChars('\u00e9', '\u5009').ofMaxLength(40);
        return Arbitraries.oneOf(tail.map(t -> "/" + t), tail.map(t -> "//" + t), tail);
    }
}
