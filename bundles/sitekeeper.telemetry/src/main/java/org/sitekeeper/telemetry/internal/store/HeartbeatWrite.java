package org.sitekeeper.telemetry.internal.store;

/**
 * One heartbeat to write: the installation's id (new ones are inserted), what it reported and the status it has
 * now. Several writes of one installation in a batch are merged ({@link #merge}). When what it reported about
 * itself (versions, environment, server) is what was last written, {@link #profileChanged} is false and only
 * the heartbeat's own columns are written.
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
    boolean profileChanged = true;
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

    /** Whether the write carries the installation's profile (versions, environment, server) to be written. */
    public boolean profileChanged() {
        return profileChanged;
    }

    /** Says that the installation's profile is the one last written for it: its columns need no writing. */
    public HeartbeatWrite profileUnchanged() {
        profileChanged = false;
        return this;
    }

    /** The later of two writes of one installation, counting both. */
    HeartbeatWrite merge(HeartbeatWrite later) {
        later.count += count;
        later.isNew |= isNew;
        later.profileChanged |= profileChanged;
        return later;
    }
}
