package org.sitekeeper.sites.internal.shell;

import java.io.PrintStream;
import java.time.Instant;

import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Format;
import org.sitekeeper.sites.api.SiteDto;

/** How sites print in the shell. */
final class SiteTables {

    private SiteTables() {}

    static void printDetails(SiteDto site, PrintStream out) {
        Instant now = Instant.now();
        ShellTable table = new ShellTable().noHeaders();
        table.column("Field");
        table.column("Value").maxSize(100);
        table.addRow().addContent("Id", site.id());
        table.addRow().addContent("URL", site.url());
        table.addRow().addContent("Name", site.name());
        table.addRow().addContent("Status", site.status().wireName());
        table.addRow().addContent("Group", site.group() == null ? "-" : site.group());
        table.addRow().addContent("Tags", site.tags().isEmpty() ? "-" : String.join(", ", site.tags()));
        table.addRow().addContent("Owner", site.owner());
        table.addRow().addContent("Last seen", Format.ago(site.lastSeenAt(), now));
        table.addRow().addContent("Created", Format.instant(site.createdAt()));
        table.addRow().addContent("Updated", Format.instant(site.updatedAt()));
        table.addRow()
                .addContent("Notes", site.notes() == null ? "-" : site.notes().replace('\n', ' '));
        table.print(out);
    }
}
