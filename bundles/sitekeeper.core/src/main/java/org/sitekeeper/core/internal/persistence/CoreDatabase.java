package org.sitekeeper.core.internal.persistence;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.persistence.SchemaMigrator;

/** The core tables, migrated before any core component uses them. */
@Component(service = CoreDatabase.class)
public final class CoreDatabase {

    private final EntityManagerFactory emf;

    @Activate
    public CoreDatabase(
            @Reference SchemaMigrator migrator,
            @Reference(target = "(osgi.unit.name=sitekeeper.core)") EntityManagerFactory emf) {
        migrator.migrate("core", CoreDatabase.class.getClassLoader());
        this.emf = emf;
    }

    public EntityManagerFactory emf() {
        return emf;
    }
}
