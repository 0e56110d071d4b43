package io.waybill.bench;

import java.util.List;

/** F1's fault: the command side killed with SIGKILL and started again at once. */
final class ProcessKill implements WritesUnderFault.Fault {

    @Override
    public long strike(Cluster cluster) throws Exception {
        long killed = System.nanoTime();
        cluster.commandSide().kill();
        cluster.commandSide().start();
        return killed;
    }

    @Override
    public String name() {
        return "kill -9 of the command side";
    }

    @Override
    public List<Long> strikesAt(boolean quick) {
        return quick ? List.of(4L) : List.of(15L, 35L);
    }
}
