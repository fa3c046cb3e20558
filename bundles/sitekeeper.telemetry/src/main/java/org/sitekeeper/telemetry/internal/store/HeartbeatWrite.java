package org.sitekeeper.telemetry.internal.store;

/**
 * One heartbeat to write: the installation's id (new ones are inserted), what it reported and the status it has
 * now. Several writes of one installation in a batch are merged ({@link #merge}).
 */
public final class HeartbeatWrite {

    String id;
    boolean isNew;
    final String merchantId;
    final String cms;
    final String siteKey;
    final String siteUrl;
    final String pluginVersion;
    final String sdkLanguage;
    final String environment;
    final String phpVersion;
    final String wordpressVersion;
    final String serverInfo;
    final Double errorsLastHour;
    final String status;
    final long at;
    int count = 1;

    public HeartbeatWrite(
            String id,
            boolean isNew,
            String merchantId,
            String cms,
            String siteKey,
            String siteUrl,
            String pluginVersion,
            String sdkLanguage,
            String environment,
            String phpVersion,
            String wordpressVersion,
            String serverInfo,
            Double errorsLastHour,
            String status,
            long at) {
        this.id = id;
        this.isNew = isNew;
        this.merchantId = merchantId;
        this.cms = cms;
        this.siteKey = siteKey;
        this.siteUrl = siteUrl;
        this.pluginVersion = pluginVersion;
        this.sdkLanguage = sdkLanguage;
        this.environment = environment;
        this.phpVersion = phpVersion;
        this.wordpressVersion = wordpressVersion;
        this.serverInfo = serverInfo;
        this.errorsLastHour = errorsLastHour;
        this.status = status;
        this.at = at;
    }

    public String id() {
        return id;
    }

    /** The later of two writes of one installation, counting both. */
    HeartbeatWrite merge(HeartbeatWrite later) {
        later.count += count;
        later.isNew |= isNew;
        return later;
    }
}
