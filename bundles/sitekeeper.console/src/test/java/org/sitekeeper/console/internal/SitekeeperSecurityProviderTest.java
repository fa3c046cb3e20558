package org.sitekeeper.console.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SitekeeperSecurityProviderTest {

    private static String label(String uri) {
        FakeRequest request = new FakeRequest();
        request.uri = uri;
        return SitekeeperSecurityProvider.label(request.build());
    }

    @Test
    void findsThePluginLabelBelowTheConsoleRoot() {
        assertThat(label("/system/console/sites")).isEqualTo("sites");
        assertThat(label("/system/console/sites/extra")).isEqualTo("sites");
        assertThat(label("/system/console/res/lib/jquery-3.6.1.js")).isEqualTo("res");
        assertThat(label("/system/console")).isEmpty();
        assertThat(label("/system/console/")).isEmpty();
    }

    @Test
    void nonAdminsMayOpenSitekeeperPagesAndStaticFilesOnly() {
        SitekeeperSecurityProvider provider = new SitekeeperSecurityProvider(null);
        provider.bindPage(new javax.servlet.http.HttpServlet() {}, Map.of(SitekeeperSecurityProvider.LABEL, "sites"));
        assertThat(provider.mayOpen("sites")).isTrue();
        assertThat(provider.mayOpen("sitekeeper")).isTrue();
        assertThat(provider.mayOpen("res")).isTrue();
        assertThat(provider.mayOpen("")).isTrue();
        assertThat(provider.mayOpen("bundles")).isFalse();
        assertThat(provider.mayOpen("configMgr")).isFalse();
        assertThat(provider.mayOpen("gogo")).isFalse();
    }
}
