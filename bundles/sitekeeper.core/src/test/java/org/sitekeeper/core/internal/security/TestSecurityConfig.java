package org.sitekeeper.core.internal.security;

import java.lang.annotation.Annotation;

/** {@link SecurityConfig} with the defaults except a cheap hash, changeable per test. */
final class TestSecurityConfig implements SecurityConfig {

    int passwordIterations = 1000;
    int loginCacheSeconds = 30;
    int freeFailuresPerAccount = 5;
    int freeFailuresPerClient = 20;
    int maxLockoutSeconds = 900;
    int minPasswordLength = 12;

    @Override
    public String realm() {
        return "karaf";
    }

    @Override
    public int password__iterations() {
        return passwordIterations;
    }

    @Override
    public int login__cache__seconds() {
        return loginCacheSeconds;
    }

    @Override
    public int free__failures__per__account() {
        return freeFailuresPerAccount;
    }

    @Override
    public int free__failures__per__client() {
        return freeFailuresPerClient;
    }

    @Override
    public int max__lockout__seconds() {
        return maxLockoutSeconds;
    }

    @Override
    public int min__password__length() {
        return minPasswordLength;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return SecurityConfig.class;
    }
}
