package io.waybill.platform.axon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event handler that turns events into commands (a process, not a read model): it runs on the command
 * side, a failure stops it at the event to be retried, never parked or skipped, and it is no projection to replay.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CommandProcess {
}
