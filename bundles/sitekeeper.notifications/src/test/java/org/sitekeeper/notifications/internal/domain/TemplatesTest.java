package org.sitekeeper.notifications.internal.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TemplatesTest {

    private static final Function<String, URL> BUILT_IN =
            name -> Templates.class.getClassLoader().getResource(name);
    private static final Map<String, Object> MODEL = Map.of("title", "T", "severity_icon", "⚠", "SEVERITY", "WARNING");

    @TempDir
    Path dir;

    private static void write(Path root, String folder, String part, String content) {
        try {
            Files.createDirectories(root.resolve(folder));
            Files.writeString(root.resolve(folder).resolve(part), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Built-in templates read from {@code root} instead of the bundle, to control which folders exist. */
    private static Function<String, URL> builtInFrom(Path root) {
        return name -> {
            Path file = root.resolve(name);
            try {
                return Files.isRegularFile(file) ? file.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void writeSet(Path root, String folder, String label) {
        write(root, "templates/" + folder, "subject.txt", label + " subject");
        write(root, "templates/" + folder, "body.txt", label + " text");
        write(root, "templates/" + folder, "body.html", label + " html");
    }

    @Test
    void theEventsOwnFolderWinsOverItsCapabilitysFolderAndTheDefault() {
        writeSet(dir, "default", "default");
        writeSet(dir, "sitekeeper.orders", "orders");
        writeSet(dir, "sitekeeper.orders.ALERT", "order alert");
        Templates templates = new Templates(null, builtInFrom(dir));

        TemplateSet alert = templates.forTopic("sitekeeper/orders/ALERT");
        TemplateSet other = templates.forTopic("sitekeeper/orders/REPORT");
        TemplateSet unrelated = templates.forTopic("sitekeeper/uptime/DOWN");

        assertThat(alert.name()).isEqualTo("sitekeeper.orders.ALERT");
        assertThat(alert.render(MODEL).subject()).isEqualTo("order alert subject");
        assertThat(other.name()).isEqualTo("sitekeeper.orders");
        assertThat(other.render(MODEL).text()).isEqualTo("orders text");
        assertThat(unrelated.name()).isEqualTo("default");
        assertThat(unrelated.render(MODEL).html()).isEqualTo("default html");
    }

    @Test
    void aMissingPartIsTakenFromTheNextFolder() {
        writeSet(dir, "default", "default");
        write(dir, "templates/sitekeeper.orders", "body.txt", "orders text");
        write(dir, "templates/sitekeeper.orders.ALERT", "subject.txt", "order alert subject");
        Templates templates = new Templates(null, builtInFrom(dir));

        TemplateSet.Rendered rendered =
                templates.forTopic("sitekeeper/orders/ALERT").render(MODEL);

        assertThat(templates.forTopic("sitekeeper/orders/ALERT").name()).isEqualTo("sitekeeper.orders.ALERT");
        assertThat(rendered.subject()).isEqualTo("order alert subject");
        assertThat(rendered.text()).isEqualTo("orders text");
        assertThat(rendered.html()).isEqualTo("default html");
    }

    @Test
    void theNameIsTheFolderTheSubjectCameFrom() {
        writeSet(dir, "default", "default");
        write(dir, "templates/sitekeeper.orders.ALERT", "body.txt", "order alert text");

        assertThat(new Templates(null, builtInFrom(dir))
                        .forTopic("sitekeeper/orders/ALERT")
                        .name())
                .isEqualTo("default");
    }

    @Test
    void theBuiltInTemplatesAreFoundOnTheClassPath() {
        Templates templates = new Templates(null, BUILT_IN);

        assertThat(templates.forTopic("sitekeeper/orders/ALERT").name()).isEqualTo("sitekeeper.orders.ALERT");
        assertThat(templates.forTopic("sitekeeper/telemetry/UPGRADE").name()).isEqualTo("sitekeeper.telemetry.UPGRADE");
        assertThat(templates.forTopic("sitekeeper/uptime/DOWN").name()).isEqualTo(Templates.DEFAULT);
        assertThat(templates.forTopic(Templates.GROUPED).name()).isEqualTo(Templates.GROUPED);
        assertThat(templates.forTopic(Templates.TEST).name()).isEqualTo(Templates.TEST);
        assertThat(templates.forTopic("unknown").name()).isEqualTo(Templates.DEFAULT);
    }

    @Test
    void anOverrideWinsOverTheBuiltInTemplateOfTheSameName() {
        write(dir, "default", "subject.txt", "[ops] {{title}}");
        Templates templates = new Templates(dir, BUILT_IN);

        TemplateSet.Rendered rendered =
                templates.forTopic("sitekeeper/uptime/DOWN").render(MODEL);

        assertThat(rendered.subject()).isEqualTo("[ops] T");
        assertThat(rendered.text()).startsWith("T\n").contains("Sent by Sitekeeper");
    }

    @Test
    void anOverriddenPartReplacesOnlyThatPartOfABuiltInSet() {
        write(dir, "sitekeeper.orders.ALERT", "body.txt", "Orders: {{orders.actual}}");
        Templates templates = new Templates(dir, BUILT_IN);

        TemplateSet.Rendered rendered =
                templates.forTopic("sitekeeper/orders/ALERT").render(Map.of("orders.actual", "2"));

        assertThat(rendered.text()).isEqualTo("Orders: 2");
        assertThat(rendered.subject()).isEqualTo("⚠ WooCommerce Order Alert - Orders Below Threshold");
        assertThat(rendered.html()).contains("Actual Orders: 2");
    }

    @Test
    void anOverrideOfTheDefaultDoesNotReplaceAMoreSpecificBuiltInTemplate() {
        write(dir, "default", "subject.txt", "[ops] {{title}}");
        Templates templates = new Templates(dir, BUILT_IN);

        assertThat(templates.forTopic("sitekeeper/orders/ALERT").render(MODEL).subject())
                .isEqualTo("⚠ WooCommerce Order Alert - Orders Below Threshold");
    }

    @Test
    void anOverrideFolderForANewEventIsUsed() {
        write(dir, "sitekeeper.uptime.DOWN", "subject.txt", "DOWN: {{title}}");
        write(dir, "sitekeeper.uptime", "subject.txt", "uptime: {{title}}");
        Templates templates = new Templates(dir, BUILT_IN);

        assertThat(templates.forTopic("sitekeeper/uptime/DOWN").render(MODEL).subject())
                .isEqualTo("DOWN: T");
        assertThat(templates.forTopic("sitekeeper/uptime/UP").render(MODEL).subject())
                .isEqualTo("uptime: T");
        assertThat(templates.forTopic("sitekeeper/uptime/UP").name()).isEqualTo("sitekeeper.uptime");
    }

    @Test
    void aMissingOverrideDirectoryLeavesTheBuiltInTemplates() {
        Templates templates = new Templates(dir.resolve("absent"), BUILT_IN);

        assertThat(templates.forTopic("sitekeeper/orders/ALERT").name()).isEqualTo("sitekeeper.orders.ALERT");
    }

    @Test
    void loadedTemplatesAreKeptUntilReload() {
        write(dir, "default", "subject.txt", "first {{title}}");
        Templates templates = new Templates(dir, BUILT_IN);
        TemplateSet first = templates.forTopic("sitekeeper/uptime/DOWN");

        write(dir, "default", "subject.txt", "second {{title}}");

        assertThat(templates.forTopic("sitekeeper/uptime/DOWN")).isSameAs(first);
        templates.reload();
        assertThat(templates.forTopic("sitekeeper/uptime/DOWN").render(MODEL).subject())
                .isEqualTo("second T");
    }

    @Test
    void reloadPicksUpANewOverrideAndARemovedOne() throws IOException {
        Templates templates = new Templates(dir, BUILT_IN);
        assertThat(templates.forTopic("sitekeeper/uptime/DOWN").render(MODEL).subject())
                .isEqualTo("⚠ WARNING: T");

        write(dir, "default", "subject.txt", "new {{title}}");
        templates.reload();
        assertThat(templates.forTopic("sitekeeper/uptime/DOWN").render(MODEL).subject())
                .isEqualTo("new T");

        Files.delete(dir.resolve("default").resolve("subject.txt"));
        templates.reload();
        assertThat(templates.forTopic("sitekeeper/uptime/DOWN").render(MODEL).subject())
                .isEqualTo("⚠ WARNING: T");
    }

    @Test
    void aBrokenOverrideFailsWhenItIsLoaded() {
        write(dir, "default", "body.txt", "{{#recovery}}never closed");
        Templates templates = new Templates(dir, BUILT_IN);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> templates.forTopic("sitekeeper/uptime/DOWN"))
                .withMessageContaining("recovery");
    }

    @Test
    void withoutAnyTemplateLoadingFails() {
        Templates templates = new Templates(dir, name -> null);

        assertThatIllegalStateException()
                .isThrownBy(() -> templates.forTopic("sitekeeper/uptime/DOWN"))
                .withMessage("no built-in template part subject.txt");
    }
}
