package org.sitekeeper.console.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

/** A minimal HttpServletRequest for tests: URI, parameters, headers and attributes. */
final class FakeRequest {

    final Map<String, String> parameters = new HashMap<>();
    final Map<String, String> headers = new HashMap<>();
    final Map<String, Object> attributes = new HashMap<>();
    String uri = "/system/console/sites";
    String pathInfo;

    HttpServletRequest build() {
        return (HttpServletRequest) Proxy.newProxyInstance(
                FakeRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getRequestURI" -> uri;
                    case "getContextPath", "getServletPath" -> "";
                    case "getPathInfo" -> pathInfo;
                    case "getRemoteAddr" -> "192.0.2.1";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "FakeRequest " + uri;
                    default -> throw new IllegalStateException("not faked: " + method.getName());
                });
    }
}
