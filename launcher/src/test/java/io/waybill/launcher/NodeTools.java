package io.waybill.launcher;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that run tools from npm's registry (Chromium driven by playwright-core, Prism's validating proxy): each
 * has a folder under {@code src/test} with its {@code package.json}, installed by {@code npm ci}. Without the
 * packages (or a program they need) such a test is skipped, unless {@code WAYBILL_REQUIRE_NODE_TOOLS} is set, as CI
 * sets it after installing them: then that is a failure.
 */
public final class NodeTools {

    private NodeTools() {
    }

    /** The tool's folder, once its package and the further files given are there; else skips or fails. */
    public static Path require(String folder, String module, Path... alsoNeeded) {
        Path home = Path.of("src", "test", folder);
        boolean ready = Files.isDirectory(home.resolve("node_modules").resolve(module))
                && List.of(alsoNeeded).stream().allMatch(Files::isExecutable);
        String missing = "this test needs npm's " + module + " (npm ci --prefix launcher/" + home + ")"
                + (alsoNeeded.length == 0 ? "" : " and " + List.of(alsoNeeded));
        if (System.getenv("WAYBILL_REQUIRE_NODE_TOOLS") != null) {
            assertThat(ready).as(missing).isTrue();
        }
        Assumptions.assumeTrue(ready, missing);
        return home;
    }
}
