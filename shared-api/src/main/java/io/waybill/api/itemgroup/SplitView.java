package io.waybill.api.itemgroup;

import java.util.List;

/**
 * The answer to a split: the lot as it is after the split, then the new lots. A type of its own rather than a bare
 * list, so it keeps its type through any serializing command bus.
 */
public record SplitView(List<ItemGroupView> data) {

    public SplitView {
        data = List.copyOf(data);
    }
}
