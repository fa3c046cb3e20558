package org.sitekeeper.core.internal.egress;

import java.lang.annotation.Annotation;

/** {@link JettyOutboundHttp.Config} with short timeouts and few threads for tests. */
final class HttpConfig implements JettyOutboundHttp.Config {

    int maxRedirects = 5;

    @Override
    public int connect__timeout__seconds() {
        return 2;
    }

    @Override
    public int max__connections__per__destination() {
        return 4;
    }

    @Override
    public int max__threads() {
        return 8;
    }

    @Override
    public int max__redirects() {
        return maxRedirects;
    }

    @Override
    public String user__agent() {
        return "Sitekeeper-Test";
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return JettyOutboundHttp.Config.class;
    }
}
