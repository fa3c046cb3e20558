package org.sitekeeper.core.internal.security;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.Role;

import static org.assertj.core.api.Assertions.assertThat;

class SitekeeperLoginModuleTest {

    @Test
    void adminGetsEveryRoleAndKarafAdministration() {
        assertThat(SitekeeperLoginModule.jaasRoles(Role.ADMIN))
                .containsExactlyInAnyOrder("admin", "ops", "viewer", "manager", "systembus", "ssh");
    }

    @Test
    void opsGetsOpsViewerAndShell() {
        assertThat(SitekeeperLoginModule.jaasRoles(Role.OPS)).containsExactlyInAnyOrder("ops", "viewer", "ssh");
    }

    @Test
    void viewerGetsViewerAndShellOnly() {
        assertThat(SitekeeperLoginModule.jaasRoles(Role.VIEWER)).containsExactlyInAnyOrder("viewer", "ssh");
    }
}
