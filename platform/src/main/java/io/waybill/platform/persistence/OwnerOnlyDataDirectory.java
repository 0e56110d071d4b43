package io.waybill.platform.persistence;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Keeps the embedded database's folder ({@code waybill.data-dir}) and the files in it to the user the service runs
 * as, like the owner token written there: the folder is made {@code rwx------} before anything opens the database
 * (a bean-factory post-processor runs before any bean is made), and its files {@code rw-------} once the service is
 * up (the database creates its files with the default mode). Only when the database is an H2 file, and only on file
 * systems with POSIX modes.
 */
public class OwnerOnlyDataDirectory implements BeanFactoryPostProcessor, EnvironmentAware,
        ApplicationListener<ApplicationReadyEvent> {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        restrict(false);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        restrict(true);
    }

    private void restrict(boolean files) {
        if (!environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:")
                || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path folder = Path.of(environment.getProperty("waybill.data-dir", "./data"));
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> inside = Files.list(folder)) {
                for (Path file : (Iterable<Path>) inside.filter(Files::isRegularFile)::iterator) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the data folder " + folder + " to its owner", e);
        }
    }
}
