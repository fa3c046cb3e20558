package org.sitekeeper.itests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key in the distribution's {@code etc/org.sitekeeper.*.cfg} files is one its component reads.
 *
 * <p>Declarative Services maps a configuration method {@code a_b()} to the property {@code a.b}; a key documented
 * as {@code a_b} then reads its default without a word. The metatype bnd generates uses the same mapping, so a
 * shipped key missing from its PID's metatype is a key the hub ignores.
 */
class ConfigKeysIT {

    @Test
    void everyShippedSitekeeperKeyIsReadByItsComponent() throws Exception {
        Path dist = Path.of(System.getProperty("sitekeeper.dist"));
        Map<String, Set<String>> attributesByPid = metatypes(dist.resolve("system/org/sitekeeper"));
        List<Path> configs;
        try (Stream<Path> files = Files.list(dist.resolve("etc"))) {
            configs = files.filter(p -> p.getFileName().toString().matches("org\\.sitekeeper\\.[a-z.]+\\.cfg"))
                    .sorted()
                    .toList();
        }
        assertThat(configs).as("shipped Sitekeeper configurations").hasSizeGreaterThanOrEqualTo(7);

        List<String> problems = new ArrayList<>();
        for (Path config : configs) {
            String file = config.getFileName().toString();
            String pid = file.substring(0, file.length() - ".cfg".length());
            Set<String> attributes = attributesByPid.get(pid);
            if (attributes == null) {
                problems.add(file + ": no component describes the PID " + pid);
                continue;
            }
            for (String key : keys(config)) {
                if (!attributes.contains(key)) {
                    problems.add(file + ": '" + key + "' is not read (known: " + attributes + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Set<String> keys(Path config) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(config)) {
            properties.load(in);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    /** PID → attribute ids, from the OSGI-INF/metatype documents of the Sitekeeper bundles in the distribution. */
    private static Map<String, Set<String>> metatypes(Path bundles) throws Exception {
        Map<String, Set<String>> byPid = new HashMap<>();
        List<Path> jars;
        try (Stream<Path> files = Files.walk(bundles)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).as("bundles under %s", bundles).isNotEmpty();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (!entry.getName().startsWith("OSGI-INF/metatype/")
                            || !entry.getName().endsWith(".xml")) {
                        continue;
                    }
                    Document doc;
                    try (InputStream in = zip.getInputStream(entry)) {
                        doc = factory.newDocumentBuilder().parse(in);
                    }
                    Map<String, Set<String>> byOcd = new HashMap<>();
                    NodeList ocds = doc.getElementsByTagName("OCD");
                    for (int i = 0; i < ocds.getLength(); i++) {
                        Element ocd = (Element) ocds.item(i);
                        Set<String> ids = new TreeSet<>();
                        NodeList ads = ocd.getElementsByTagName("AD");
                        for (int j = 0; j < ads.getLength(); j++) {
                            ids.add(((Element) ads.item(j)).getAttribute("id"));
                        }
                        byOcd.put(ocd.getAttribute("id"), ids);
                    }
                    NodeList designates = doc.getElementsByTagName("Designate");
                    for (int i = 0; i < designates.getLength(); i++) {
                        Element designate = (Element) designates.item(i);
                        Element object = (Element)
                                designate.getElementsByTagName("Object").item(0);
                        Set<String> ids = byOcd.getOrDefault(object.getAttribute("ocdref"), Set.of());
                        byPid.computeIfAbsent(designate.getAttribute("pid"), p -> new TreeSet<>())
                                .addAll(ids);
                    }
                }
            }
        }
        return byPid;
    }
}
