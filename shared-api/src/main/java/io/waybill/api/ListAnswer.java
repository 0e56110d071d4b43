package io.waybill.api;

import java.util.List;

/** A list answered whole, for lists that stay short: {@code {"data": [...]}}, with no cursor. */
public record ListAnswer<T>(List<T> data) {
}
