package io.waybill.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokensTest {

    private final BearerTokens tokens = new BearerTokens(null, Clock.systemUTC(), null, "email", null);

    @Test
    void theSchemeIsReadInAnyCaseAndTheTokenAsSent() {
        for (String scheme : new String[] {"Bearer", "bearer", "BEARER", "bEaReR"}) {
            assertThat(presented(scheme + " wb_Ab9-._~+/==").getCredentials()).as(scheme).isEqualTo("wb_Ab9-._~+/==");
        }
        assertThat(presented("  Bearer   wb_x  ").getCredentials()).isEqualTo("wb_x");
        assertThat(presented("Bearer " + "a".repeat(8192)).getCredentials()).isEqualTo("a".repeat(8192));
    }

    @Test
    void anyOtherHeaderIsRefused() {
        for (String header : new String[] {"Bearer", "Bearer ", "Bearerwb_x", "Basic dXNlcjpwYXNz", "Bearer wb x",
                "Bearer wb_x!", "Bearer wb_\u00e9", "Bearer\twb_x", "Bearer " + "a".repeat(8193), "Bearer wb\u212a",
                "Token wb_x"}) {
            assertThatThrownBy(() -> presented(header)).as(header).isInstanceOf(BadCredentialsException.class)
                    .hasMessage("the Authorization header must be \"Bearer <token>\"");
        }
    }

    private Authentication presented(String header) {
        return tokens.convert(MockServerWebExchange.from(MockServerHttpRequest.get("/api/orders")
                .header("Authorization", header))).block();
    }
}
