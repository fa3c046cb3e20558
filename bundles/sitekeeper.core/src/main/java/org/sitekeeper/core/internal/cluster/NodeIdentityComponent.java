package org.sitekeeper.core.internal.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.cluster.NodeIdentity;
import org.sitekeeper.core.api.security.Secrets;

/**
 * The node's name: configured, or generated once ({@code karaf.name} and a random part) into a file under
 * {@code karaf.data}. It does not depend on the host name, which may not resolve, and may change with the container.
 */
@Component(configurationPid = "org.sitekeeper.node")
@Designate(ocd = NodeIdentityComponent.Config.class)
public final class NodeIdentityComponent implements NodeIdentity {

    @ObjectClassDefinition(
            name = "Sitekeeper node",
            description = "How this node names itself to the other nodes on the same database.")
    public @interface Config {
        @AttributeDefinition(
                name = "Node id",
                description = "Empty: generated once into <karaf.data>/sitekeeper/node-id. Set it when a node's "
                        + "data folder is not kept across restarts; it must differ between nodes. "
                        + "Up to 64 characters of letters, digits, '@', '.', '_' and '-'.")
        String id() default "";
    }

    static final Pattern VALID = Pattern.compile("[A-Za-z0-9@._-]{1,64}");

    private static final Logger LOG = LoggerFactory.getLogger(NodeIdentityComponent.class);

    private final String id;

    @Activate
    public NodeIdentityComponent(Config config) throws IOException {
        this(config.id(), Path.of(System.getProperty("karaf.data", "data"), "sitekeeper", "node-id"));
    }

    NodeIdentityComponent(String configured, Path file) throws IOException {
        if (configured != null && !configured.isBlank()) {
            if (!VALID.matcher(configured.trim()).matches()) {
                throw new IllegalArgumentException("id of org.sitekeeper.node must be 1 to 64 characters of "
                        + "letters, digits, '@', '.', '_' and '-'; it is '" + configured + "'");
            }
            this.id = configured.trim();
        } else {
            this.id = stored(file);
        }
        LOG.info("This hub node is {}", id);
    }

    private static String stored(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String existing = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (VALID.matcher(existing).matches()) {
                return existing;
            }
            LOG.warn("{} does not hold a valid node id; generating a new one", file);
        }
        String karaf = System.getProperty("karaf.name", "karaf").replaceAll("[^A-Za-z0-9._-]", "_");
        if (karaf.length() > 40) {
            karaf = karaf.substring(0, 40);
        }
        String generated = karaf + "-" + Secrets.randomUrlSafe(9).replaceAll("[^A-Za-z0-9]", "x");
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, generated + "\n", StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return generated;
    }

    @Override
    public String id() {
        return id;
    }
}
