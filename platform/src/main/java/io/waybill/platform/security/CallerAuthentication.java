package io.waybill.platform.security;

import io.waybill.api.access.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An authenticated caller; its authorities are the caller's role and every role below it, Spring-style. A caller
 * that came with a stream ticket is bound to the ticket's organisation and names none itself.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    /** Each role's authorities, made once rather than for every request. */
    private static final Map<Role, List<GrantedAuthority>> AUTHORITIES = authorities();

    private final Caller caller;
    private final boolean ticket;

    public CallerAuthentication(Caller caller) {
        this(caller, false);
    }

    private CallerAuthentication(Caller caller, boolean ticket) {
        super(AUTHORITIES.get(caller.role()));
        this.caller = caller;
        this.ticket = ticket;
        setAuthenticated(true);
    }

    private static Map<Role, List<GrantedAuthority>> authorities() {
        Map<Role, List<GrantedAuthority>> authorities = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            authorities.put(role, Arrays.stream(Role.values()).filter(role::includes)
                    .<GrantedAuthority>map(below -> new SimpleGrantedAuthority("ROLE_" + below.name())).toList());
        }
        return authorities;
    }

    /** The caller a stream ticket stood for. */
    static CallerAuthentication byTicket(Caller caller) {
        return new CallerAuthentication(caller, true);
    }

    public Caller caller() {
        return caller;
    }

    /** Whether the caller came with a stream ticket: its organisation is the ticket's, no header names it. */
    boolean byTicket() {
        return ticket;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.userId();
    }
}
