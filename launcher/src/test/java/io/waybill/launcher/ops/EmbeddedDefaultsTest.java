package io.waybill.launcher.ops;

import io.waybill.launcher.WaybillApplication;
import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import org.axonframework.springboot.updates.UpdateCheckConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service does by default when started as the README says: the embedded database's folder, made readable by
 * everyone as a fresh {@code ./data} would be, is its owner's only once the service has started on it, and so is the
 * database file; Axon's update checker (which calls out to AxonIQ) is off.
 */
class EmbeddedDefaultsTest {

    @Test
    void theDataFolderAndItsFilesAreTheOwnersOnly(@TempDir Path parent) throws Exception {
        Path data = Files.createDirectory(parent.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (RunningApp app = RunningApp.start(WaybillApplication.class, TestDatabases.embedded(data))) {
            assertThat(app.bean(UpdateCheckConfiguration.class).getDisabled()).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("waybill.mv.db"))))
                    .isEqualTo("rw-------");
        }
    }
}
