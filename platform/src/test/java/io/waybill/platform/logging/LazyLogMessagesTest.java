package io.waybill.platform.logging;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.log.LogMessage;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring's lazily built log messages stay unbuilt where their level is off (see the platform's LogFactory service). */
class LazyLogMessagesTest {

    @Test
    void aDebugMessageIsNotBuiltWhereDebugIsOff() {
        Log log = LogFactory.getLog("io.waybill.platform.logging.quiet");
        assertThat(log.isDebugEnabled()).isFalse();
        AtomicInteger built = new AtomicInteger();
        log.debug(LogMessage.of(() -> "built " + built.incrementAndGet()));
        assertThat(built).hasValue(0);
        log.info(LogMessage.of(() -> "built " + built.incrementAndGet()));
        assertThat(built).hasValue(1);
    }
}
