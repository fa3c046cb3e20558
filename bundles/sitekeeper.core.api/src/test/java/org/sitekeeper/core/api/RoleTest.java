package org.sitekeeper.core.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTest {

    @Test
    void strongerRolesImplyWeakerOnes() {
        assertThat(Role.ADMIN.implies(Role.OPS)).isTrue();
        assertThat(Role.ADMIN.implies(Role.VIEWER)).isTrue();
        assertThat(Role.OPS.implies(Role.VIEWER)).isTrue();
    }

    @Test
    void everyRoleImpliesItself() {
        for (Role role : Role.values()) {
            assertThat(role.implies(role)).as(role.name()).isTrue();
        }
    }

    @Test
    void weakerRolesDoNotImplyStrongerOnes() {
        assertThat(Role.VIEWER.implies(Role.OPS)).isFalse();
        assertThat(Role.VIEWER.implies(Role.ADMIN)).isFalse();
        assertThat(Role.OPS.implies(Role.ADMIN)).isFalse();
    }

    @Test
    void wireNameIsLowerCase() {
        assertThat(Role.ADMIN.wireName()).isEqualTo("admin");
        assertThat(Role.OPS.wireName()).isEqualTo("ops");
        assertThat(Role.VIEWER.wireName()).isEqualTo("viewer");
    }

    @Test
    void fromWireNameIgnoresCaseAndSurroundingSpace() {
        assertThat(Role.fromWireName("admin")).contains(Role.ADMIN);
        assertThat(Role.fromWireName(" Ops ")).contains(Role.OPS);
        assertThat(Role.fromWireName("VIEWER")).contains(Role.VIEWER);
    }

    @Test
    void fromWireNameIsEmptyForUnknownOrMissingNames() {
        assertThat(Role.fromWireName("root")).isEmpty();
        assertThat(Role.fromWireName("")).isEmpty();
        assertThat(Role.fromWireName(null)).isEmpty();
    }

    @Test
    void wireNamesMatchTheAnnotationConstants() {
        assertThat(Role.fromWireName(RoleNames.ADMIN)).contains(Role.ADMIN);
        assertThat(Role.fromWireName(RoleNames.OPS)).contains(Role.OPS);
        assertThat(Role.fromWireName(RoleNames.VIEWER)).contains(Role.VIEWER);
    }
}
