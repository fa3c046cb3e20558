package org.sitekeeper.core.api.egress;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The hub's non-blocking HTTP client. Every connection goes through the {@link EgressPolicy}: the host is
 * resolved once, every address checked, and the connection made to the checked address; redirects are
 * checked again. Failures complete the future exceptionally with {@link EgressDeniedException}, a
 * {@link java.net.SocketTimeoutException} (deadline passed), or the {@link IOException} that ended the exchange.
 */
@ProviderType
public interface OutboundHttp {

    CompletableFuture<OutboundResponse> send(OutboundRequest request);

    /** {@link #send} and wait, unwrapping the failure. */
    default OutboundResponse execute(OutboundRequest request) throws IOException, InterruptedException {
        try {
            return send(request).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }
}
