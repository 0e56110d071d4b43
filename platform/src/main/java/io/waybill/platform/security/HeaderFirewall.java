package io.waybill.platform.security;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall with its header rules unchanged, checked a character at a time. Its defaults
 * check every header name and value the service reads with a regular expression (a name only assigned characters
 * that are not controls, {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}; a value the same or a tab); under W1 the two
 * expressions took 2 % of the command side's CPU (docs/design.md, "Performance"). These predicates are those rules.
 */
final class HeaderFirewall {

    private HeaderFirewall() {
    }

    static StrictServerWebExchangeFirewall create() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(name -> allowed(name, false));
        firewall.setAllowedHeaderValues(value -> allowed(value, true));
        return firewall;
    }

    /** Whether every code point is assigned and no control ({@code tab} the exception where {@code tabs}). */
    static boolean allowed(String text, boolean tabs) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabs && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
