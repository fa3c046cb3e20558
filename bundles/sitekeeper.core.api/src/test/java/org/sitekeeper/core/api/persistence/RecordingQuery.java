package org.sitekeeper.core.api.persistence;

import java.util.Calendar;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.FlushModeType;
import javax.persistence.LockModeType;
import javax.persistence.Parameter;
import javax.persistence.Query;
import javax.persistence.TemporalType;

/** A {@link Query} that only records named parameters, for checking what {@link QueryFilter#bind} binds. */
final class RecordingQuery implements Query {

    final Map<String, Object> bound = new LinkedHashMap<>();

    @Override
    public Query setParameter(String name, Object value) {
        bound.put(name, value);
        return this;
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by QueryFilter");
    }

    @Override
    public List<?> getResultList() {
        throw unused();
    }

    @Override
    public Object getSingleResult() {
        throw unused();
    }

    @Override
    public int executeUpdate() {
        throw unused();
    }

    @Override
    public Query setMaxResults(int maxResult) {
        throw unused();
    }

    @Override
    public int getMaxResults() {
        throw unused();
    }

    @Override
    public Query setFirstResult(int startPosition) {
        throw unused();
    }

    @Override
    public int getFirstResult() {
        throw unused();
    }

    @Override
    public Query setHint(String hintName, Object value) {
        throw unused();
    }

    @Override
    public Map<String, Object> getHints() {
        throw unused();
    }

    @Override
    public <T> Query setParameter(Parameter<T> param, T value) {
        throw unused();
    }

    @Override
    public Query setParameter(Parameter<Calendar> param, Calendar value, TemporalType temporalType) {
        throw unused();
    }

    @Override
    public Query setParameter(Parameter<Date> param, Date value, TemporalType temporalType) {
        throw unused();
    }

    @Override
    public Query setParameter(String name, Calendar value, TemporalType temporalType) {
        throw unused();
    }

    @Override
    public Query setParameter(String name, Date value, TemporalType temporalType) {
        throw unused();
    }

    @Override
    public Query setParameter(int position, Object value) {
        throw unused();
    }

    @Override
    public Query setParameter(int position, Calendar value, TemporalType temporalType) {
        throw unused();
    }

    @Override
    public Query setParameter(int position, Date value, TemporalType temporalType) {
        throw unused();
    }

    @Override
    public Set<Parameter<?>> getParameters() {
        throw unused();
    }

    @Override
    public Parameter<?> getParameter(String name) {
        throw unused();
    }

    @Override
    public <T> Parameter<T> getParameter(String name, Class<T> type) {
        throw unused();
    }

    @Override
    public Parameter<?> getParameter(int position) {
        throw unused();
    }

    @Override
    public <T> Parameter<T> getParameter(int position, Class<T> type) {
        throw unused();
    }

    @Override
    public boolean isBound(Parameter<?> param) {
        throw unused();
    }

    @Override
    public <T> T getParameterValue(Parameter<T> param) {
        throw unused();
    }

    @Override
    public Object getParameterValue(String name) {
        throw unused();
    }

    @Override
    public Object getParameterValue(int position) {
        throw unused();
    }

    @Override
    public Query setFlushMode(FlushModeType flushMode) {
        throw unused();
    }

    @Override
    public FlushModeType getFlushMode() {
        throw unused();
    }

    @Override
    public Query setLockMode(LockModeType lockMode) {
        throw unused();
    }

    @Override
    public LockModeType getLockMode() {
        throw unused();
    }

    @Override
    public <T> T unwrap(Class<T> cls) {
        throw unused();
    }
}
