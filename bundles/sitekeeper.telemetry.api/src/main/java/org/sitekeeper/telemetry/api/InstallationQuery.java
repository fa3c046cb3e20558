package org.sitekeeper.telemetry.api;

/** Filters of the installation list; {@code null} means any. {@code offset} and {@code limit} page it. */
public record InstallationQuery(String status, String cms, String merchantId, String text, int offset, int limit) {}
