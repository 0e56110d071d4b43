package io.waybill.bench;

import java.nio.file.Path;

/** The fault suite: F1 to F5, each ending with a verifier. */
final class FaultSuite {

    FaultSuite(Path root, boolean quick, Path out) {
    }

    int run() {
        return 1;
    }
}
