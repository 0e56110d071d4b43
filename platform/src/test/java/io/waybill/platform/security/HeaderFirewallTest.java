package io.waybill.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderFirewallTest {

    /** Spring Security's own expressions for header names and values, as its strict firewall has them. */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsSpringSecurityJudgesIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            assertThat(HeaderFirewall.allowed(text, false)).as("name with U+%04X", codePoint)
                    .isEqualTo(NAMES.matcher(text).matches());
            assertThat(HeaderFirewall.allowed(text, true)).as("value with U+%04X", codePoint)
                    .isEqualTo(VALUES.matcher(text).matches());
        }
    }

    @Test
    void surrogatesAloneOrPairedAndNothingAreJudgedAsSpringSecurityJudgesThem() {
        for (String text : List.of("", "\ud83d\ude00", "x\ud83dy", "x\ude00", "\ud83d", "\ud83d\ud83d", "\t\t",
                "a\u0085", "\udb40\udc01", "\udb80\udc00")) {
            assertThat(HeaderFirewall.allowed(text, false)).as(text).isEqualTo(NAMES.matcher(text).matches());
            assertThat(HeaderFirewall.allowed(text, true)).as(text).isEqualTo(VALUES.matcher(text).matches());
        }
        assertThat(HeaderFirewall.allowed(null, false)).isTrue();
    }

    @Test
    void theFirewallRefusesTheHeadersSpringSecuritysDefaultRefuses() {
        ServerWebExchangeFirewall ours = HeaderFirewall.create();
        ServerWebExchangeFirewall springs = new StrictServerWebExchangeFirewall();
        for (String[] header : List.of(new String[] {"X-Org-Id", "acme"}, new String[] {"X-Org-Id", "a\tb"},
                new String[] {"X-Org-Id", "a\u0085b"}, new String[] {"X-\u0007", "acme"},
                new String[] {"X-Tab\t", "acme"}, new String[] {"X-Org-Id", "\u00e9t\u00e9"})) {
            assertThat(readsHeader(ours, header)).as(String.join(": ", header))
                    .isEqualTo(readsHeader(springs, header));
        }
        assertThat(readsHeader(ours, new String[] {"X-Org-Id", "a\u0001b"})).isFalse();
        assertThat(readsHeader(ours, new String[] {"X-Org-Id", "a\tb"})).isTrue();
    }

    private static boolean readsHeader(ServerWebExchangeFirewall firewall, String[] header) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/orders")
                .header(header[0], header[1]));
        try {
            firewall.getFirewalledExchange(exchange).block().getRequest().getHeaders().getFirst(header[0]);
            return true;
        } catch (ServerExchangeRejectedException e) {
            return false;
        }
    }
}
