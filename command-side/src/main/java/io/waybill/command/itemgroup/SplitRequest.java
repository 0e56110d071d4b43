package io.waybill.command.itemgroup;

import io.waybill.api.itemgroup.SplitPart;
import io.waybill.platform.web.JsonBody;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code {"quantities": ["4", "6"], "newSids": [...], "newUniqueNames": [...]}}: the lot keeps the first
 * quantity, each further quantity becomes a new lot, with the optional sid and unique name at the same position
 * (minus one) of the other arrays.
 */
record SplitRequest(BigDecimal kept, List<SplitPart> newGroups) {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,26}(\\.\\d{1,12})?");

    static SplitRequest read(JsonBody body) {
        List<String> quantities = body.required("quantities", body.ids("quantities", 101));
        List<String> sids = body.ids("newSids", 100);
        List<String> names = body.ids("newUniqueNames", 100);
        if (quantities == null) {
            return new SplitRequest(null, List.of());
        }
        if (quantities.size() < 2) {
            body.reject("quantities", "must hold at least two quantities");
            return new SplitRequest(null, List.of());
        }
        List<BigDecimal> values = new ArrayList<>();
        for (String quantity : quantities) {
            if (!DECIMAL.matcher(quantity).matches() || new BigDecimal(quantity).signum() <= 0) {
                body.reject("quantities", "must hold decimals greater than zero, as strings");
                return new SplitRequest(null, List.of());
            }
            values.add(new BigDecimal(quantity));
        }
        int newCount = values.size() - 1;
        if (sids != null && sids.size() != newCount) {
            body.reject("newSids", "must hold one sid per new item group (" + newCount + ")");
        }
        if (names != null && names.size() != newCount) {
            body.reject("newUniqueNames", "must hold one unique name per new item group (" + newCount + ")");
        }
        List<SplitPart> parts = new ArrayList<>();
        for (int i = 0; i < newCount; i++) {
            String sid = sids != null && sids.size() == newCount ? sids.get(i) : UUID.randomUUID().toString();
            String name = names != null && names.size() == newCount ? names.get(i) : null;
            parts.add(new SplitPart(sid, values.get(i + 1), name));
        }
        return new SplitRequest(values.get(0), List.copyOf(parts));
    }
}
