package org.sitekeeper.core.internal.secrets;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.security.SecretBox;

/** The hub's {@link SecretBox}, keyed from the environment or a generated owner-only key file. */
@Component(configurationPid = "org.sitekeeper.secrets")
@Designate(ocd = SecretBoxComponent.Config.class)
public final class SecretBoxComponent implements SecretBox {

    @ObjectClassDefinition(
            name = "Sitekeeper secrets",
            description = "Encryption at rest. The master key comes from the environment variable "
                    + "SITEKEEPER_MASTER_KEY; without it a key is generated once into the key file.")
    public @interface Config {
        @AttributeDefinition(
                name = "Master key file",
                description = "Where the generated master key is kept (empty: <karaf.etc>/sitekeeper-master.key). "
                        + "Back it up: secrets sealed with it cannot be read without it.")
        String master__key__file() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(SecretBoxComponent.class);

    private final AesGcmSealer sealer;

    @Activate
    public SecretBoxComponent(Config config) throws IOException {
        Path file = config.master__key__file().isBlank()
                ? Path.of(System.getProperty("karaf.etc", "etc"), "sitekeeper-master.key")
                : Path.of(config.master__key__file());
        MasterKeyRing keys = MasterKeyRing.load(
                System.getenv("SITEKEEPER_MASTER_KEY"), System.getenv("SITEKEEPER_MASTER_KEY_PREVIOUS"), file);
        if (keys.generated()) {
            LOG.warn("Generated a new master key into {} (readable only by this user). Back it up.", file);
        }
        LOG.debug(
                "Secret box ready with master key {} ({} keys)", keys.current().id(), keys.size());
        this.sealer = new AesGcmSealer(keys);
    }

    @Override
    public String seal(String plaintext, String context) {
        return sealer.seal(plaintext, context);
    }

    @Override
    public String open(String sealed, String context) {
        return sealer.open(sealed, context);
    }

    @Override
    public boolean isSealed(String value) {
        return AesGcmSealer.isSealed(value);
    }

    @Override
    public String mac(String purpose, String data) {
        return sealer.mac(purpose, data);
    }
}
