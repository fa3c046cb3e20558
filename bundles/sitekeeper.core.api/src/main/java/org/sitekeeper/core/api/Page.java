package org.sitekeeper.core.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param items the items of this page
 * @param total how many items match the query over all pages
 * @param nextCursor the cursor of the next page, {@code null} on the last page
 */
public record Page<T>(List<T> items, long total, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, nextCursor);
    }
}
