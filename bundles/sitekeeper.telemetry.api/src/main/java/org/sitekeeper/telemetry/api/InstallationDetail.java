package org.sitekeeper.telemetry.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Seed 002's detail view: the installation, its recent events, its active toggles and its upgrade notices. */
public record InstallationDetail(
        @JsonUnwrapped InstallationDto installation,
        List<EventDto> recentEvents,
        List<ToggleDto> activeToggles,
        List<UpgradeNoticeDto> notifications) {}
