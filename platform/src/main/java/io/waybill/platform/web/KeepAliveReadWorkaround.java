package io.waybill.platform.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reactor Netty 1.3.6/1.3.7 (the newest on Maven Central) can stop reading a keep-alive connection when the
 * client sends its next request before the previous response's operations have terminated — which happens
 * whenever a response is written from a worker thread, as our command responses are. The request then waits
 * until the client gives up (reactor/reactor-netty#4361, fixed after 1.3.7). Flushing the last response
 * content eagerly ({@code reactor.netty.http.server.lastFlushWhenNoRead}) terminates the operations before the
 * next request is read and closes that route; measured against the launcher jar: 0 of 600 writes on a reused
 * connection lost with it, 9 of 120 without. It must be set before Reactor Netty's classes load, hence this
 * early hook.
 */
public class KeepAliveReadWorkaround implements EnvironmentPostProcessor {

    static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
