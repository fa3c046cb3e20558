package org.sitekeeper.core.api.security;

import javax.security.auth.callback.Callback;

/**
 * A JAAS callback through which a login module learns the client's address, for throttling failed logins per
 * client. Callback handlers that do not know the address leave it {@code null}.
 */
public final class ClientAddressCallback implements Callback {

    private String address;

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
