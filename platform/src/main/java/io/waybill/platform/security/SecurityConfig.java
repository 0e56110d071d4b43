package io.waybill.platform.security;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.platform.web.ApiErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * Spring Security's reactive chain: cross-origin requests from the configured origins ({@link CrossOrigin}, their
 * preflights answered before anything else), stateless bearer-token authentication, then {@link EndpointAccess} on
 * every {@code /api} request. Refusals are answered in the error envelope like every other error.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /**
     * Spring Security observes nothing: with an observation registry present it would wrap each of its filters, the
     * authentication and the authorization in an observation of its own, on every request, for meters nobody reads
     * (the request as a whole is observed as {@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's filters run without a checkpoint each ({@link FiltersInTurn}). */
    @Bean
    static BeanPostProcessor filtersInTurn() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof WebFilterChainProxy proxy) {
                    proxy.setFilterChainDecorator(new FiltersInTurn());
                }
                return bean;
            }
        };
    }

    /** The time every process reads: token expiry, default dates. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * API tokens always; an identity provider's JWTs too when the operator configures one the Spring way
     * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
     * {@code public-key-location}), which makes Boot provide the decoder.
     */
    @Bean
    BearerTokens bearerTokens(AccessDirectory directory, Clock clock, ObjectProvider<ReactiveJwtDecoder> jwtDecoder,
                              @Value("${waybill.security.jwt.email-claim:email}") String emailClaim,
                              StreamTickets tickets) {
        return new BearerTokens(directory, clock, jwtDecoder.getIfAvailable(), emailClaim, tickets);
    }

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, BearerTokens tokens, ApiErrorHandler errors,
                                       @Value("${waybill.security.rate-limit.requests-per-second:0}") double rate,
                                       @Value("${waybill.security.rate-limit.burst:0}") int burst,
                                       @Value("${waybill.http.cors.allowed-origins:}") List<String> origins,
                                       @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(tokens);
        authentication.setServerAuthenticationConverter(tokens);
        authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        authentication.setAuthenticationFailureHandler((exchange, failure) ->
                refuse(errors, exchange.getExchange(), ErrorCode.UNAUTHORIZED, failure.getMessage()));
        CrossOrigin.configure(http, origins, errors);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new RateLimit(rate, burst, errors), SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/**").access(new EndpointAccess(handlers))
                        .anyExchange().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, failure) -> refuse(errors, exchange,
                                ErrorCode.UNAUTHORIZED, "an Authorization: Bearer <token> header is required"))
                        .accessDeniedHandler((exchange, denied) -> refuse(errors, exchange, ErrorCode.FORBIDDEN,
                                denied instanceof EndpointAccess.Refused ? denied.getMessage()
                                        : "the token's role does not allow this")))
                .build();
    }

    /** The handler the authorization check found, used for routing the request too. */
    @Bean
    HandlerMapping foundHandler() {
        return new FoundHandler();
    }

    /** Spring Security's strict firewall, its header rules checked without regular expressions. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        return HeaderFirewall.create();
    }

    /**
     * Requests the security firewall turns away before anything else (a method it does not take, such as TRACE, or
     * a URL it finds unsafe) are answered in the envelope too.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedInTheEnvelope(ApiErrorHandler errors) {
        return (exchange, rejected) -> rejected.getMessage() != null && rejected.getMessage().contains("HTTP method")
                ? refuse(errors, exchange, ErrorCode.METHOD_NOT_ALLOWED, "the method "
                        + exchange.getRequest().getMethod() + " is not served")
                : refuse(errors, exchange, ErrorCode.VALIDATION_FAILED, "the request was refused: its URL holds "
                        + "characters or sequences the service does not take");
    }

    /** Refuses to start when an endpoint under /api declares no role. */
    @Bean
    SmartInitializingSingleton everyEndpointDeclaresARole(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        return () -> EndpointRoles.all(handlers);
    }

    private static Mono<Void> refuse(ApiErrorHandler errors, ServerWebExchange exchange, ErrorCode code,
                                     String message) {
        return errors.handle(exchange, new DomainException(code, message));
    }
}
