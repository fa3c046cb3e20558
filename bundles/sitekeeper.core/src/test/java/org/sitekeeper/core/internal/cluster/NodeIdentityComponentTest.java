package org.sitekeeper.core.internal.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeIdentityComponentTest {

    @TempDir
    Path data;

    @Test
    void aGeneratedIdIsKeptAcrossRestarts() throws Exception {
        Path file = data.resolve("sitekeeper/node-id");

        String first = new NodeIdentityComponent("", file).id();
        String again = new NodeIdentityComponent("", file).id();

        assertThat(first).matches(NodeIdentityComponent.VALID).isEqualTo(again);
        assertThat(Files.readString(file, StandardCharsets.UTF_8).trim()).isEqualTo(first);
    }

    @Test
    void twoDataFoldersAreTwoNodes() throws Exception {
        String a = new NodeIdentityComponent("", data.resolve("a/node-id")).id();
        String b = new NodeIdentityComponent("", data.resolve("b/node-id")).id();

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aConfiguredIdWinsAndIsChecked() throws Exception {
        Path file = data.resolve("node-id");

        assertThat(new NodeIdentityComponent(" hub-a.example ", file).id()).isEqualTo("hub-a.example");
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> new NodeIdentityComponent("hub a/b", file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id of org.sitekeeper.node");
    }

    @Test
    void aDamagedFileIsReplaced() throws Exception {
        Path file = data.resolve("node-id");
        Files.writeString(file, "not valid / at all");

        String id = new NodeIdentityComponent("", file).id();

        assertThat(id).matches(NodeIdentityComponent.VALID);
        assertThat(Files.readString(file).trim()).isEqualTo(id);
    }
}
