package io.waybill.launcher.api.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests spoiled outside their bodies, for every endpoint the service maps: a query parameter's value, a header,
 * a path variable, the method, or the credentials. A read may answer 2xx when the spoiled value happens to be
 * valid; a write never may (the ids in its path name nothing, its method is not served, or its credentials are
 * spoiled), and nothing may be recorded.
 */
public final class RequestMalformations {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");
    /** Values for query parameters: numbers in every odd form, escapes good and bad, noise, lengths. */
    private static final List<String> VALUES = List.of("%ZZ", "", "%20", "-1", "0", "-0", "1e2", "1e400", "1.5",
            "NaN", "Infinity", "99999999999999999999", "0x10", "true", "null", "%00", "%0A", "%0D%0A", "%C3%28",
            "%FF", "%F0%9F%9A%9A", "%ED%A0%80", "a%2Cb", "..%2F..", "%27%3B%20DROP%20TABLE%20x%3B--", "%5B%5D",
            "%7B%7D", "2026-02-30", "2026-13-01", "9999-12-31", "0000-01-01", "x".repeat(3000), "%25", "%2B1",
            "1%2C2%2C%2C3", "Placed", "placed", "-2147483649", "2147483648");
    /** Values for a path variable: nothing it names exists, or it is no id at all. */
    private static final List<String> PATH_VALUES = List.of("%ZZ", "no-such-1", "%00", "%0A", "..", "%2e%2e",
            "%2F", "%20", "x".repeat(3000), "%F0%9F%9A%9A", "%C3%28", "-", "_", "a%20b", "%25", "9".repeat(30));
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "FOO");
    private static final List<String> IF_MATCH = List.of("abc", "", "W/\"x\"", "-1", "1.5", "1e2",
            "99999999999999999999", "\"\"", " ", "\"a\"", "0x1");
    private static final List<String> LAST_EVENT_ID = List.of("abc", "-5", "1.5", "99999999999999999999", "1e3");

    /** One way of spoiling an endpoint's requests: the values it tries and the request each makes. */
    private record Kind<T>(List<T> values, Function<T, RawRequest> request) {

        Arbitrary<RawRequest> arbitrary() {
            return Arbitraries.of(values).map(request);
        }

        RawRequest first() {
            return request.apply(values.get(0));
        }
    }

    private record Spoil(String name, String value, boolean twice) {
    }

    private final String token;
    private final String org;
    private final String foreignOrg;
    private final Map<PathPattern, Set<String>> methodsOfPattern = new LinkedHashMap<>();

    /**
     * For the caller whose token and organisation are given; {@code foreignOrg} is an organisation the token has
     * no access to.
     */
    public RequestMalformations(List<MappedEndpoint> endpoints, String token, String org, String foreignOrg) {
        this.token = token;
        this.org = org;
        this.foreignOrg = foreignOrg;
        endpoints.forEach(endpoint -> methodsOfPattern.computeIfAbsent(PathPatternParser.defaultInstance
                .parse(endpoint.pattern()), p -> new TreeSet<>()).addAll(endpoint.methods()));
    }

    /** Spoiled requests of the endpoints, each way of spoiling and each value equally likely for an endpoint. */
    public Arbitrary<RawRequest> of(List<MappedEndpoint> endpoints) {
        return Arbitraries.of(endpoints).flatMap(endpoint -> Arbitraries.oneOf(kinds(endpoint).stream()
                .map(Kind::arbitrary).toList()));
    }

    /** One request of each way of spoiling the endpoint, with the first value of each. */
    public List<RawRequest> sweep(MappedEndpoint endpoint) {
        return kinds(endpoint).stream().map(Kind::first).toList();
    }

    private List<Kind<?>> kinds(MappedEndpoint endpoint) {
        List<Kind<?>> kinds = new ArrayList<>();
        String method = endpoint.methods().stream().sorted().findFirst().orElse("GET");
        String target = fill(endpoint.pattern(), null, null);
        List<String> variables = variables(endpoint.pattern());
        if (variables.isEmpty()) {
            kinds.add(new Kind<>(PATH_VALUES, value -> RawRequest.of(method, endpoint.pattern() + "/" + value,
                    credentials(), "a segment added to the path", false).withBody("{}")));
        } else {
            List<Spoil> spoils = new ArrayList<>();
            PATH_VALUES.forEach(value -> variables.forEach(variable -> spoils.add(new Spoil(variable, value, false))));
            kinds.add(new Kind<>(spoils, spoil -> RawRequest.of(method, fill(endpoint.pattern(), spoil.name(),
                    spoil.value()), credentials(), "path variable " + spoil.name(), false).withBody("{}")));
        }
        Set<String> mapped = methodsServing(target);
        List<String> others = METHODS.stream().filter(other -> !mapped.contains(other)).toList();
        if (!others.isEmpty()) {
            kinds.add(new Kind<>(others, other -> RawRequest.of(other, target, credentials(), "method " + other,
                    false).withBody("{}")));
        }
        kinds.add(new Kind<>(spoiledCredentials(), headers -> RawRequest.of(method, target, headers,
                "credentials " + headers.keySet(), false).withBody("{}")));
        if (endpoint.reads() && !endpoint.stream() && !endpoint.parameters().isEmpty()) {
            List<Spoil> spoils = new ArrayList<>();
            for (String value : VALUES) {
                for (String parameter : endpoint.parameters()) {
                    spoils.add(new Spoil(parameter, value, false));
                    spoils.add(new Spoil(parameter, value, true));
                }
            }
            kinds.add(new Kind<>(spoils, spoil -> RawRequest.of("GET", target + "?" + spoil.name() + "="
                    + spoil.value() + (spoil.twice() ? "&" + spoil.name() + "=" + spoil.value() : ""),
                    credentials(), "query parameter " + spoil.name() + (spoil.twice() ? " given twice" : ""), true)));
        }
        for (var header : Map.of("If-Match", IF_MATCH, "Last-Event-ID", LAST_EVENT_ID).entrySet()) {
            if (endpoint.headers().contains(header.getKey())) {
                kinds.add(new Kind<>(header.getValue(), value -> {
                    Map<String, String> headers = new LinkedHashMap<>(credentials());
                    headers.put(header.getKey(), value);
                    return RawRequest.of(method, target, headers, "header " + header.getKey(), false)
                            .withBody("{}");
                }));
            }
        }
        return kinds;
    }

    /** The methods some mapping serves on this path (several patterns may match one path). */
    private Set<String> methodsServing(String path) {
        PathContainer container = PathContainer.parsePath(path);
        Set<String> methods = new TreeSet<>();
        methodsOfPattern.forEach((pattern, served) -> {
            if (pattern.matches(container)) {
                methods.addAll(served);
            }
        });
        return methods;
    }

    /** No token, a malformed or unknown one, another scheme, an organisation the token has no access to. */
    private List<Map<String, String>> spoiledCredentials() {
        return List.of(
                Map.of("Authorization", "Bearer " + token, "X-Org-Id", foreignOrg),
                Map.of("X-Org-Id", org),
                Map.of("Authorization", "Bearer", "X-Org-Id", org),
                Map.of("Authorization", "Bearer " + token + "x", "X-Org-Id", org),
                Map.of("Authorization", "Basic dXNlcjpwYXNz", "X-Org-Id", org),
                Map.of("Authorization", "Bearer " + "t".repeat(6000), "X-Org-Id", org),
                Map.of("Authorization", "Bearer " + token, "X-Org-Id", ""),
                Map.of("Authorization", "Bearer " + token, "X-Org-Id", "x".repeat(5000)),
                Map.of("Authorization", "Bearer " + token, "X-Org-Id", "\u00e9t\u00e9"));
    }

    private Map<String, String> credentials() {
        return Map.of("Authorization", "Bearer " + token, "X-Org-Id", org);
    }

    private static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The pattern with {@code spoiled} set to {@code value} and every other variable an id of nothing (the first
     * alternative of a constrained one).
     */
    private static String fill(String pattern, String spoiled, String value) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = name.equals(spoiled) ? value
                    : matcher.group(2) != null ? matcher.group(2).split("\\|")[0] : "no-such-" + name;
            matcher.appendReplacement(path, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(path);
        return path.toString();
    }
}
