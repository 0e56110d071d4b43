package io.waybill.platform;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The chain of a failure's causes, walked in one place. */
public final class Causes {

    private Causes() {
    }

    /** The failure and its causes, outermost first. */
    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
    }

    /** The outermost failure of the chain that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return of(failure).filter(type::isInstance).map(type::cast).findFirst();
    }
}
