package org.sitekeeper.core.api.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.Query;

/**
 * Builds the {@code WHERE} clause of a JPQL query from optional filters, binding every value as a parameter
 * (never concatenated into the query).
 *
 * <pre>{@code
 * QueryFilter where = new QueryFilter()
 *         .equal("s.status", "status", status)
 *         .startsWith("s.name", "name", prefix);
 * TypedQuery<SiteEntity> q = em.createQuery("SELECT s FROM SiteEntity s" + where.clause(), SiteEntity.class);
 * where.bind(q);
 * }</pre>
 */
public final class QueryFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** {@code path = :param} when {@code value} is not null. */
    public QueryFilter equal(String path, String param, Object value) {
        if (value != null) {
            conditions.add(path + " = :" + param);
            parameters.put(param, value);
        }
        return this;
    }

    /** {@code path < :param} when {@code value} is not null. */
    public QueryFilter lessThan(String path, String param, Object value) {
        return compare(path, "<", param, value);
    }

    /** {@code path > :param} when {@code value} is not null. */
    public QueryFilter greaterThan(String path, String param, Object value) {
        return compare(path, ">", param, value);
    }

    /** {@code path >= :param} when {@code value} is not null. */
    public QueryFilter atLeast(String path, String param, Object value) {
        return compare(path, ">=", param, value);
    }

    private QueryFilter compare(String path, String operator, String param, Object value) {
        if (value != null) {
            conditions.add(path + " " + operator + " :" + param);
            parameters.put(param, value);
        }
        return this;
    }

    /** {@code path LIKE 'value%'} with wildcards in {@code value} taken literally. */
    public QueryFilter startsWith(String path, String param, String value) {
        if (value != null) {
            conditions.add(path + " LIKE :" + param + " ESCAPE '\\'");
            parameters.put(param, escapeLike(value) + "%");
        }
        return this;
    }

    /**
     * Any of {@code paths} contains {@code value}, ignoring case: {@code (LOWER(a) LIKE :p OR LOWER(b) LIKE :p)}.
     */
    public QueryFilter containsIgnoreCase(String param, String value, String... paths) {
        if (value != null && paths.length > 0) {
            List<String> any = new ArrayList<>();
            for (String path : paths) {
                any.add("LOWER(" + path + ") LIKE :" + param + " ESCAPE '\\'");
            }
            conditions.add("(" + String.join(" OR ", any) + ")");
            parameters.put(param, "%" + escapeLike(value.toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        return this;
    }

    /** A fixed condition with its parameters, e.g. {@code :tag MEMBER OF s.tags}. */
    public QueryFilter condition(String jpql, Map<String, ?> params) {
        conditions.add(jpql);
        parameters.putAll(params);
        return this;
    }

    /** {@code " WHERE a AND b"}, or empty when nothing filters. */
    public String clause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the values to {@code query}. */
    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
