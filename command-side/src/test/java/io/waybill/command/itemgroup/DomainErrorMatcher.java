package io.waybill.command.itemgroup;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.Map;
import java.util.Objects;

/** Matches a {@link DomainException} by its error code and, optionally, some of its details. */
public final class DomainErrorMatcher extends TypeSafeDiagnosingMatcher<DomainException> {

    private final ErrorCode code;
    private final Map<String, Object> details;

    private DomainErrorMatcher(ErrorCode code, Map<String, Object> details) {
        this.code = code;
        this.details = details;
    }

    public static Matcher<DomainException> domainError(ErrorCode code) {
        return new DomainErrorMatcher(code, Map.of());
    }

    public static Matcher<DomainException> domainError(ErrorCode code, String detail, Object value) {
        return new DomainErrorMatcher(code, Map.of(detail, value));
    }

    @Override
    protected boolean matchesSafely(DomainException error, Description mismatch) {
        boolean matches = error.code() == code;
        for (Map.Entry<String, Object> expected : details.entrySet()) {
            matches &= Objects.equals(error.details().get(expected.getKey()), expected.getValue());
        }
        if (!matches) {
            mismatch.appendText("was ").appendValue(error.code()).appendText(" with details ")
                    .appendValue(error.details()).appendText(": ").appendText(error.getMessage());
        }
        return matches;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a DomainException ").appendValue(code);
        if (!details.isEmpty()) {
            description.appendText(" with details ").appendValue(details);
        }
    }
}
