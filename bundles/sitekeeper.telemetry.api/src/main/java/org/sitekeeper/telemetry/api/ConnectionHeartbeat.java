package org.sitekeeper.telemetry.api;

/** Seed 001's WordPress heartbeat body. */
public record ConnectionHeartbeat(String siteUrl, String pluginVersion, String wpVersion, Boolean isActive) {}
