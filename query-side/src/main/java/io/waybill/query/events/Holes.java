package io.waybill.query.events;

/**
 * Decides when a missing global index can be passed. Indices are handed out before their transaction commits, so
 * a later index can be visible while an earlier one is still on its way (it must be waited for), and a rolled-back
 * transaction leaves an index that never comes (it must be passed, or the feed stops for good).
 *
 * <p>The feed reports the first missing index and the highest index visible past it (the fence). Every index
 * below the fence was handed out before the fence's transaction committed, so its owner already existed when the
 * gap was first seen; a verdict about that moment holds for every index below the fence.
 */
interface Holes {

    enum Verdict {
        /** Not decided yet: stop at the missing index and poll again later. */
        WAIT,
        /** Every owner has ended: read again now, and pass what is still missing below the fence. */
        READ_AGAIN,
        /** Whatever is still missing below the fence is a permanent hole. */
        PASS
    }

    Verdict check(long missing, long fence, long nowMillis);
}
