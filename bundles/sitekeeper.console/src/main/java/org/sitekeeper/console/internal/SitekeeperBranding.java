package org.sitekeeper.console.internal;

import org.apache.felix.webconsole.BrandingPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * Names the web console "Sitekeeper" with its logo (served by the overview page from this bundle) while
 * keeping Karaf's console style sheet.
 */
@Component(service = BrandingPlugin.class, property = "service.ranking:Integer=100")
public final class SitekeeperBranding implements BrandingPlugin {

    static final String LOGO = "/sitekeeper/res/logo.svg";
    static final String FAVICON = "/sitekeeper/res/favicon.svg";

    @Override
    public String getBrandName() {
        return "Sitekeeper";
    }

    @Override
    public String getProductName() {
        return "Sitekeeper";
    }

    @Override
    public String getProductURL() {
        return "/system/console/sitekeeper";
    }

    @Override
    public String getProductImage() {
        return LOGO;
    }

    @Override
    public String getVendorName() {
        return "Sitekeeper";
    }

    @Override
    public String getVendorURL() {
        return "/system/console/sitekeeper";
    }

    @Override
    public String getVendorImage() {
        return LOGO;
    }

    @Override
    public String getFavIcon() {
        return FAVICON;
    }

    @Override
    public String getMainStyleSheet() {
        return "/res/karaf/ui/webconsole.css";
    }
}
