package org.sitekeeper.itests.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one hub on the default configuration (embedded Derby) that all Derby test classes share. It boots on first
 * use and stops when the test run ends (the root context's store closes it), so the whole suite pays for one boot.
 * Test classes get it as a {@link Hub} parameter of a {@code @BeforeAll} method:
 *
 * <pre>{@code
 * @ExtendWith(DerbyHub.class)
 * class SomeIT {
 *     static Hub hub;
 *
 *     @BeforeAll
 *     static void useSharedHub(Hub shared) { hub = shared; }
 * }
 * }</pre>
 */
public final class DerbyHub implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DerbyHub.class);
    private static Shared shared;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Hub.class;
    }

    @Override
    public Hub resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Shared.class, key -> shared(), Shared.class)
                .running();
    }

    /** Stops the shared hub if it runs, to spare the machine while another hub runs; it boots again on demand. */
    public static synchronized void stop() {
        if (shared != null) {
            shared.hub.stop();
        }
    }

    private static synchronized Shared shared() {
        if (shared == null) {
            shared = new Shared(Notifications.prepare(Hub.create("derby")));
            // last resort should the run be cut short; normally the store has stopped it already
            Runtime.getRuntime().addShutdownHook(new Thread(DerbyHub::stop, "stop the derby hub"));
        }
        return shared;
    }

    private record Shared(Hub hub) implements ExtensionContext.Store.CloseableResource {

        Hub running() {
            synchronized (DerbyHub.class) {
                if (!hub.isRunning()) {
                    hub.start();
                }
                return hub;
            }
        }

        @Override
        public void close() {
            DerbyHub.stop();
        }
    }
}
