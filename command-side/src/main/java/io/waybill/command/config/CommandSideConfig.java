package io.waybill.command.config;

import io.waybill.platform.axon.CommandErrors;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CommandSideConfig {

    @Autowired
    void translateDomainErrors(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new CommandErrors());
    }
}
